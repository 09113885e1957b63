/**
 * SES's feedback on what the portal sent (ADR 0036): addresses that bounced for good, and people
 * who marked our email as spam. Both stop the portal sending to the address.
 */

export const EMAIL_PROBLEMS = ['bounced', 'complained'] as const;
export type EmailProblem = (typeof EMAIL_PROBLEMS)[number];

/** The parts of SES's "Email Bounced" and "Email Complaint Received" events this reads. */
export interface SesFeedback {
  eventType: 'Bounce' | 'Complaint';
  bounce?: { bounceType: string; bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[]; timestamp: string };
  complaint?: { complainedRecipients: { emailAddress: string }[]; complaintFeedbackType?: string; timestamp: string };
}

export const SES_SOURCE = 'aws.ses';
export const SES_FEEDBACK_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'] as const;

/** Which addresses to stop sending to, and why. A transient bounce (a full mailbox, a timeout) stops nothing: SES tries again. */
export function problemsIn(feedback: SesFeedback): { address: string; reason: EmailProblem; at: string; detail?: string }[] {
  if (feedback.eventType === 'Bounce' && feedback.bounce?.bounceType === 'Permanent')
    return feedback.bounce.bouncedRecipients.map((r) => ({
      address: r.emailAddress.trim().toLowerCase(),
      reason: 'bounced' as const,
      at: feedback.bounce!.timestamp,
      ...(r.diagnosticCode && { detail: r.diagnosticCode.slice(0, 300) }),
    }));
  if (feedback.eventType === 'Complaint' && feedback.complaint)
    return feedback.complaint.complainedRecipients.map((r) => ({
      address: r.emailAddress.trim().toLowerCase(),
      reason: 'complained' as const,
      at: feedback.complaint!.timestamp,
      ...(feedback.complaint!.complaintFeedbackType && { detail: feedback.complaint!.complaintFeedbackType }),
    }));
  return [];
}
