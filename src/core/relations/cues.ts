/**
 * The words by which news states a tie, read on a sentence's skeleton (company names replaced by
 * `§n`, see find-relations.ts). Tuned on test/fixtures/relations (written to model news copy) and
 * meant to be strict: a wrong suggestion costs the reader more than a missed one.
 */

/** Words that make a sentence about computing bought from someone. */
export const CLOUD_WORDS =
  /\b(?:cloud|compute|computing|capacity|data[ -]?(?:cent(?:er|re)s?)|gpus?|tpus?|servers?|hosts?|hosted|hosting|workloads?|infrastructure|supercomput\w*|inference|runs? on|running on|ran on|run (?:its|their)|train(?:s|ed|ing)? (?:its|their|the)|migrat\w+|gigawatts?|megawatts?|clusters?|chips? (?:through|from|on|via)|storage|backend)\b/i;

/** With a named cloud (AWS, CoreWeave), these are enough: the name says what is bought. */
export const CLOUD_DEAL_WORDS =
  /\b(?:chose|chosen|choose|picks?|picked|selected|signs?|signed|signing|deal|agreement|contract|customer|partner(?:ship)?|uses?|used|using|moves?|moved|moving|switch\w*|shift\w*|rent\w*|spend\w*|spent|deploy\w*|relies|rely|relied|standardi[sz]ed|commit\w*|expand\w*|renew\w*|extend\w*|stopp?\w*|left|leaves|leaving|quit|dropp?\w*|ended|ends|pulled|pulls|supply|supplies|supplying|provide\w*)\b/i;

export const INVEST_WORDS =
  /\b(?:invest\w*|backs|backed|backing|backers?|-backed|led|leads|leading|co-led|co-leads|round|series [a-z]\b|seed|funding|raised|raises|raising|raise|stake|shares|participation|participated|joined|joins|valuation|valuing|venture|investors?|sold|sells|exited|divest\w*|wrote off|written off|poured|pumped|tender)\b/i;

/** Unconfirmed: talks, plans, people familiar, another outlet's reporting. */
export const HEDGE =
  /\b(?:reportedly|in talks|talks|in discussions|discussions|negotiat\w+|considering|considers|consider|weighing|weighs|weigh|exploring|explores|explore|mulling|mulls|may|might|could|is said to|are said to|was said to|were said to|people familiar|person familiar|sources|rumou?r\w*|proposed|potential|possible|possibly|expected to|poised to|nearing|close to (?:a |an )?(?:deal|agreement)|plans? to|planning to|preparing to|aims? to|seeking|seeks|would)\b/i;

/** Attribution that confirms rather than hedges ("according to a company filing"). */
export const FIRM_ATTRIBUTION = /\baccording to (?:a |an |the |its |their )?(?:[\w-]+ ){0,2}(?:filings?|statement|release|announcement|blog|website|letter|prospectus|compan(?:y|ies)|sec)\b/i;
export const OTHER_OUTLET = /\b(?:according to|reported|reports)\b/i;
/** "the company said it would": a statement of intent by the party, not a hedge. */
export const SAID_WOULD = /\b(?:said|says|confirmed|confirms|announced|announces)\b[^.;]{0,80}?\bwould\b/i;

export const END_WORDS =
  /\b(?:ended|ends|ending|end (?:its|their)|terminat\w+|pull(?:ed|s|ing)? (?:out|off|its|back)|dropp(?:ed|ing)|drops|left|leaves|leaving|quit|quits|stopp(?:ed|ing) (?:using|running|buying)|stops? (?:using|running|buying)|no longer|exit(?:ed|s|ing)?|sold (?:its|all|the|their|off)|sells (?:its|all|the|off)|selling (?:its|all|the)|divest\w*|wrote off|written off|writes off|expired|expire|shut down|shutting down|cut ties|walked away|offloaded|unwound|replac\w+|mov\w+ (?:\w+ ){0,3}(?:off|away from|out of)|swapp\w+|ditch\w+|mov\w+ (?:\w+ )?(?:\w+ )?from|shift\w* (?:\w+ )?(?:\w+ )?from|migrat\w+ (?:\w+ )?(?:\w+ )?(?:off|from|away from))\b/i;

export const CONTINUE_WORDS =
  /\b(?:runs? on|running on|remains?|remained|still|existing|already|continu\w+|renew\w*|extend\w*|expand\w*|deepen\w*|additional|further|another|more|again|longtime|long-time|has (?:been|run|used|hosted|relied|backed)|have (?:been|run|used|backed)|since (?:\d{4}|its)|increas\w+|doubl\w+|upped|boost\w*|-backed|backed by|backers?|investors? in|shareholders?|its investor|follow-on|bringing its total|top up|topped up|primary|relies|relied|rely)\b/i;

export const NEGATION = /\b(?:not|n't|never|no need|denied|denies|deny|declined|declines|passed on|rejected|rejects|refused|refuses|without|nor|no plans|discourag\w+|barred|bans|banned)\b/i;

/** A lab's models sold in a cloud's marketplace: the lab does not run on that cloud. */
export const MARKETPLACE = /\b(?:bedrock|vertex|foundry|marketplace|model garden|customers can|available (?:on|in|through)|offers? (?:§\d+'s )?(?:\w+ )?models?|offering|will offer|to offer|add(?:s|ed)? §\d+'s|brings? §\d+'s)\b/i;

export const COMPETITION = /\b(?:compet\w+|rivals?|rivalry|versus|vs\.?|against|market share|share of the (?:cloud )?market|control about|together control|challeng\w+|lawsuit|sues|sued|protest\w*|bids?|bidding|win over|won over|contract win)\b/i;

/** Buying chips or building one's own data centres is not renting a cloud. */
export const OWN_INFRASTRUCTURE = /\b(?:its own|their own|own data|in-house|bought \d|buy \d|purchas\w+ (?:\d|of)|bought [\d,]+|buy (?:up to )?[\d,]+|orders? for)\b/i;

/** Owning, not investing: acquisitions, majority ownership. */
export const ACQUISITION = /\b(?:buy(?:s|ing)? back|bought back|buybacks?|repurchas\w+|acquir\w*|acquisition|takeover|merg\w+|buy(?:s|ing)? (?:§\d+|the company|the startup|out)|bought (?:§\d+|the company|the startup|out)|agreed to buy|to buy §\d+|purchase of §\d+|purchas\w+ §\d+|majority|outright|wholly|whole of|owns §|parent)\b/i;

export const DEBT = /\b(?:loans?|debt|credit|bonds?|lend\w*|lender|notes|financing for|underwr\w+|revenue share)\b/i;
/** Equity words that keep a sentence about investing even with a debt word in it. */
export const EQUITY = /\b(?:equity|stake|round|series [a-z]\b|seed|invested|invests|investing|investment|-backed|backed by)\b/i;

/** Money raised into an investor's own fund, not into a company. */
export const OWN_FUND = /\b(?:§\d+'s (?:\w+ )?(?:\w+ )?fund\b|committed capital to|limited partners?|raising (?:a |its )?(?:new |latest |\w+ )?fund\b|closed (?:a |its )?(?:new |latest |\w+ )?fund\b|raising ever|larger (?:\w+ )?funds)/i;

/** A name used for its product ("Nvidia GPUs", "Nvidia's H100s"), not for the company as a party. */
export const PRODUCT_AFTER = /^\s*(?:'s?\s+)?(?:[\w-]+\s+)?(?:chips?|gpus?|tpus?|processors?|accelerators?|hardware|h100s?|h200s?|b200s?|gb200s?|blackwell|hopper|superchips?|servers|models?|systems|sites?|project|campus|app|apps|assistant|chatbot|devices?|phones?|consoles?|browser|search engine)\b/i;

/** A name that describes another ("Facebook parent Meta", "Amazon-owned", "Google DeepMind co-founder"). */
export const DESCRIPTOR_AFTER = /^\s*(?:'s\s+)?(?:-owned|-led|parent|owner|co-?founder|founder|veteran|alum\w*|executive|chief|ceo|cfo|cto|president|engineers?|employees?|staff|researchers?|spinout|spin-off|rival|(?:corporate\s+)?venture\s+(?:capital\s+)?(?:arm|fund|unit))\b/i;
/** "…, IDC said." "sources told Reuters": whoever reports the news is not in it. */
export const ATTRIBUTION_AFTER = /^\s+(?:said|says|reported|reports|estimated|estimates|noted|wrote|calculated)\b[^§]*$/i;
export const ATTRIBUTION_BEFORE = /\b(?:told|tells|telling|according to|reported by|data from|analysts at|analysis by|said to|wrote in)\s*$/i;
/** Careers, not deals: "a former AWS executive", "an adviser to Nscale". */
/** A company's origins: "spun out of Yandex" is history, not a customer. */
export const ORIGINS = /\bspun (?:out|off)\b|\bspin-?(?:off|out)\b/i;
export const PEOPLE = /\b(?:former|head of|advis[eo]rs?|hired|poached|veteran|alumn\w*|co-founder|founded|(?:he|she) (?:joined|left|worked|led)|work(?:ing|ed) (?:for|at))\b/i;
/** Money in the sentence: a funding verb ("secured", "won") is about money only with it. */
export const MONEY = /[$€£¥]|\b(?:round|funding|series [a-z]\b|seed|investment|capital|backing|financing|stake|valuation|million|billion|investors?)\b/i;
/** Companies listed as examples ("including A and B"): named, not party to a deal. */
export const EXAMPLES_BEFORE = /\b(?:including|includes|such as|like|among them|among)\s+(?:the\s+)?$/i;

/** "from AWS to Google Cloud": the first is left, the second joined. */
export const FROM_TO = /\bfrom\s+§(\d+)(?:'s?)?(?:\s+[\w-]+){0,2}\s+(?:to|onto|in favou?r of)\s+§(\d+)/gi;
/** "leaves AWS for Google Cloud", "replaced Lambda with Nebius", "swapped CoreWeave for Fluidstack". */
export const SWAP = /\b(?:leaves|left|leaving|swapp\w+|swaps?|ditch\w+|dump\w+|dropp\w+|drops?|replac\w+|trad\w+|abandon\w*)\s+§(\d+)(?:'s?)?(?:\s+[\w-]+){0,2}\s+(?:for|with)\s+§(\d+)/gi;

/** A pronoun or "the company", standing for the company the paragraph just named. */
export const PRONOUN = /\b(?:it|its|the (?:company|startup|firm|lab|group|conglomerate|chipmaker|maker|retailer|automaker|carrier|developer|platform|insurer|bank|streamer|start-up)|the [a-z-]+ (?:startup|company|firm|lab|group|giant|maker|developer|owner|chipmaker|operator))\b/gi;
