import { type ChangeEvent, useCallback, useId, useState } from "react";
import type { FieldErrors } from "../lib/user-errors";

export type Validate<V extends Record<string, string>> = (
  values: V,
) => FieldErrors<Extract<keyof V, string>>;

/** What `getInputProps` gives one Mantine text input: spread it on `TextInput`/`PasswordInput`. */
export interface FieldInputProps<K extends string = string> {
  id: string;
  name: K;
  value: string;
  error: string | undefined;
  "aria-invalid": true | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

/**
 * State for a form of Mantine text inputs: values, per-field errors (client rules and server
 * `userErrors` alike), and props to spread on `TextInput`/`PasswordInput`. A field is checked
 * when it loses focus and all fields on submit; typing clears that field's error. Fields are
 * listed in `initial` in the order they appear, which is the order focus visits errors.
 */
export function useFormFields<V extends Record<string, string>>(initial: V, validate: Validate<V>) {
  type K = Extract<keyof V, string>;
  const formId = useId();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [order] = useState(() => Object.keys(initial) as K[]);

  const inputId = useCallback((name: K) => `${formId}-${name}`, [formId]);

  const setValue = useCallback((name: K, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => (previous[name] ? { ...previous, [name]: undefined } : previous));
  }, []);

  /** Moves keyboard focus to the first input with an error. */
  const focusFirstError = useCallback(
    (fieldErrors: FieldErrors<K>) => {
      const first = order.find((name) => fieldErrors[name]);
      if (first) document.getElementById(inputId(first))?.focus();
    },
    [inputId, order],
  );

  /** Validates every field; shows and focuses the problems. True when the form is valid. */
  const validateAll = useCallback((): boolean => {
    const problems = validate(values);
    setErrors(problems);
    const valid = !Object.values(problems).some(Boolean);
    if (!valid) focusFirstError(problems);
    return valid;
  }, [focusFirstError, validate, values]);

  /** Shows errors from the server next to their fields. */
  const showErrors = useCallback(
    (fieldErrors: FieldErrors<K>) => {
      setErrors(fieldErrors);
      focusFirstError(fieldErrors);
    },
    [focusFirstError],
  );

  const getInputProps = (name: K): FieldInputProps<K> => ({
    id: inputId(name),
    name,
    value: values[name],
    error: errors[name],
    // Mantine's PasswordInput does not set this itself.
    "aria-invalid": errors[name] ? true : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.currentTarget.value),
    onBlur: () => {
      if (values[name] === "") return;
      const problem = validate(values)[name];
      setErrors((previous) => ({ ...previous, [name]: problem }));
    },
  });

  return { values, errors, setValue, validateAll, showErrors, getInputProps };
}
