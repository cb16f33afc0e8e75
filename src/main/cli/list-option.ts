import { UsageError } from './command';

/** A comma-separated option value as positive integers (run ids, k values, interaction ids). */
export function integerList(value: unknown, option: string): number[] {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${option} needs a comma-separated list of numbers`);
  return value.split(',').map((item) => {
    const number = Number(item.trim());
    if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${option}: "${item}" is not a positive whole number`);
    return number;
  });
}

export const stringList = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
