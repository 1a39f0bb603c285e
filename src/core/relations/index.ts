export { findRelations, type FoundRelation, type RelationKind, type RelationPhase, type RelationKnowledge, type TextWithMentions } from './find-relations';
export { relationKnowledge } from './knowledge';
export { splitSentences } from './sentences';
export { claimKey, compareWithKnown, type Suggestion, type SuggestionChange } from './compare';
