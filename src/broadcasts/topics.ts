/**
 * News topics a resident can choose ("nyheder", "børn og unge", "fællesspisning", "aktiviteter"):
 * a broadcast has one topic and reaches only residents who chose it. Stored on the person as a
 * comma list of keys, so adding a topic needs no migration.
 */

export const TOPICS = ['news', 'children_youth', 'dinner', 'activities'] as const;
export type Topic = (typeof TOPICS)[number];

/** Whether a string is one of the topic keys. */
export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

/** The topics in a stored list; unknown keys (a topic since removed) are dropped. */
export function parseTopics(stored: string | null | undefined): Topic[] {
  return (stored ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(isTopic);
}

/** The stored form of a set of topics, in TOPICS order, each once. */
export function formatTopics(topics: readonly Topic[]): string {
  return TOPICS.filter((t) => topics.includes(t)).join(',');
}
