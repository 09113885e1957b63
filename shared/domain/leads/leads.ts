/**
 * Leads: people who are not yet clients, met through the website widget or entered by staff.
 * Kept in the shape a CRM's pipeline will take over (status by stage, source, owner).
 */
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = ['widget', 'manual', 'import'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** What a conversation with a lead keys its customer index by: never a customer's id. */
export const leadKey = (leadId: string) => `lead#${leadId}`;
