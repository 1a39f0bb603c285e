import type { DBSchema } from 'idb';
import type { Company, Note, Sighting, Tie } from '../core/model';

/** A company as stored: with its folded names, for the name index behind search. */
export type StoredCompany = Company & { nameKeys: string[] };

export interface Setting {
  key: string;
  value: unknown;
}

export interface TielineDb extends DBSchema {
  companies: { key: string; value: StoredCompany; indexes: { nameKeys: string } };
  ties: { key: string; value: Tie; indexes: { company: string; counterparty: string } };
  notes: { key: string; value: Note };
  settings: { key: string; value: Setting };
  sightings: { key: number; value: Sighting; indexes: { company: string; url: string; time: number } };
}

export const DB_NAME = 'tieline';
