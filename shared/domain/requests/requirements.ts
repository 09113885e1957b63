/** A request's answers to its service's questions: kept with the question as asked, required ones checked. */

export interface Question {
  key: string;
  label: string;
  required: boolean;
}

export interface Answer {
  key: string;
  label: string;
  answer: string;
}

/** The answers in the service's order (blank ones dropped), and each required question left blank. */
export function answersTo(
  questions: readonly Question[],
  given: Readonly<Record<string, string>>,
): { answers: Answer[]; missing: { field: string; message: string }[] } {
  const text = (key: string) => given[key]?.trim() ?? '';
  return {
    answers: questions.filter((q) => text(q.key)).map((q) => ({ key: q.key, label: q.label, answer: text(q.key) })),
    missing: questions.filter((q) => q.required && !text(q.key)).map((q) => ({ field: `requirements.${q.key}`, message: `is required: ${q.label}` })),
  };
}
