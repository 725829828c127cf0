/** The `userErrors` every mutation payload returns. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
  /** With RATE_LIMITED: when a retry can succeed (ISO date-time), where the mutation asks for it. */
  retryAfter?: string | null;
}

/** When a RATE_LIMITED refusal says a retry becomes possible, or null when none does. */
export function retryAfterOf(errors: readonly UserErrorLike[]): string | null {
  return (
    errors.find((error) => error.code === "RATE_LIMITED" && error.retryAfter)?.retryAfter ?? null
  );
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface SplitUserErrors<K extends string> {
  /** Errors whose `field[0]` names one of the form's inputs, joined per input. */
  fieldErrors: FieldErrors<K>;
  /** Errors tied to no input of the form (field null or unknown): shown as an alert. */
  formErrors: string[];
}

export function splitUserErrors<K extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly K[],
): SplitUserErrors<K> {
  const isField = (name: string | undefined): name is K =>
    name !== undefined && (fields as readonly string[]).includes(name);
  const fieldErrors: FieldErrors<K> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const name = error.field?.[0];
    if (isField(name)) {
      const previous = fieldErrors[name];
      fieldErrors[name] = previous ? `${previous} ${error.message}` : error.message;
    } else {
      formErrors.push(error.message);
    }
  }
  return { fieldErrors, formErrors };
}
