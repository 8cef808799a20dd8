/** Severity tiers (Security Hub's labels, title case). */
export const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational'] as const;
/** A severity tier. */
export type Severity = (typeof SEVERITIES)[number];

/** Tiers that get an immediate alert on a new or reopened violation. */
export const ALERT_SEVERITIES: ReadonlySet<Severity> = new Set(['Critical', 'High']);

/** Severity of rules missing from the table and the overrides. */
export const DEFAULT_SEVERITY: Severity = 'Medium';
