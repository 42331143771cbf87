import type { z } from 'zod';
import { AppError } from '../core/shared/errors';

/** Validates `value` with `schema`; a failure becomes ERR_VALIDATION naming each field and what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join('.') || where, message: i.message }));
  const first = details[0];
  throw new AppError('ERR_VALIDATION', `Check the ${where}: ${first.path} ${first.message}.`, details);
}
