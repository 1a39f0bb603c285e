/**
 * A small run-time schema for messages: each schema checks an unknown value and returns it typed, or
 * throws a SchemaError naming where it went wrong. Message types are derived from these schemas
 * (`Infer`), so the check and the type cannot drift apart. Every text and list has a maximum: a
 * message is hostile input until checked.
 */
export class SchemaError extends Error {
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {
    super(`${at || 'message'}: ${problem}`);
  }
}

export interface Schema<T> {
  check(value: unknown, at: string): T;
}

interface OptionalSchema<T> extends Schema<T | undefined> {
  optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Simplify<{ [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

const fail = (at: string, problem: string): never => {
  throw new SchemaError(at, problem);
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

export function text(max: number): Schema<string> {
  return {
    check: (v, at) => (typeof v !== 'string' ? fail(at, 'must be a text') : v.length > max ? fail(at, `is longer than ${max} characters`) : v),
  };
}

export function integer(min: number, max: number): Schema<number> {
  return {
    check: (v, at) => (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max ? fail(at, `must be a whole number from ${min} to ${max}`) : v),
  };
}

export const boolean: Schema<boolean> = {
  check: (v, at) => (typeof v !== 'boolean' ? fail(at, 'must be true or false') : v),
};

export function oneOf<T extends string>(...values: T[]): Schema<T> {
  return {
    check: (v, at) => (values.includes(v as T) ? (v as T) : fail(at, `must be one of ${values.join(', ')}`)),
  };
}

export function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return {
    check(v, at) {
      if (!Array.isArray(v)) return fail(at, 'must be a list');
      if (v.length > max) return fail(at, `has ${v.length} items; at most ${max}`);
      return v.map((x, i) => item.check(x, `${at}[${i}]`));
    },
  };
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return { optional: true, check: (v, at) => (v === undefined ? undefined : schema.check(v, at)) };
}

/** A plain object with exactly these keys (the optional ones may be missing); any other key is refused. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    check(v, at) {
      if (!isPlainObject(v)) return fail(at, 'must be an object');
      for (const key of Object.keys(v)) if (!Object.hasOwn(shape, key)) fail(at ? `${at}.${key}` : key, 'is not expected');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const value = shape[key].check(v[key], at ? `${at}.${key}` : key);
        if (value !== undefined) out[key] = value;
      }
      return out as ObjectOf<S>;
    },
  };
}

/**
 * A plain JSON-like object of at most `maxChars` when serialised, checked in depth by `refine`
 * (records that already have a validator of their own, such as a tie).
 */
export function record<T>(maxChars: number, refine: (v: Record<string, unknown>, at: string) => T): Schema<T> {
  return {
    check(v, at) {
      if (!isPlainObject(v)) return fail(at, 'must be an object');
      let size: number;
      try {
        size = JSON.stringify(v).length;
      } catch {
        return fail(at, 'must be plain data');
      }
      if (size > maxChars) return fail(at, `is larger than ${maxChars} characters`);
      return refine(v, at);
    },
  };
}

export const empty = object({});
