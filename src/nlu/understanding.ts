/**
 * What the free-text reader understood from one message: an intent and its details. Channel- and
 * database-free; the conversation engine matches `activityText` against the catalogue.
 */
import type { Language } from '../plan-data/plan-file';

export const INTENTS = [
  // everyone
  'greet',
  'help',
  'menu',
  'change_language',
  'privacy',
  'yes',
  'no',
  'thanks',
  // residents
  'find_activities',
  'sign_up',
  'book_counselling',
  'my_bookings',
  'cancel_booking',
  'set_area',
  'talk_to_person',
  'my_data',
  'delete_my_data',
  'move_booking',
  'reminders_off',
  'reminders_on',
  'news_topics',
  'news_off',
  'news_on',
  // staff
  'log_delivery',
  'undo_delivery',
  'correct_delivery',
  'upcoming_events',
  'kitchen_summary',
  'take_attendance',
  'create_event',
  'create_slots',
  'cancel_event',
  'handovers',
  'broadcast',
  'broadcast_report',
  // coordinators
  'progress',
  'register_measurement',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents only staff (and coordinators, admins) may use. */
export const STAFF_INTENTS: readonly Intent[] = [
  'log_delivery',
  'undo_delivery',
  'correct_delivery',
  'upcoming_events',
  'kitchen_summary',
  'take_attendance',
  'create_event',
  'create_slots',
  'cancel_event',
  'handovers',
  'progress',
  'broadcast',
  'broadcast_report',
];
/** Intents only coordinators (and admins) may use; staff see progress read-only. */
export const COORDINATOR_INTENTS: readonly Intent[] = ['register_measurement'];

export type Audience = 'children' | 'youth' | 'parents' | 'adults';
export type PeriodChoice = 'plan-year' | 'reporting-period' | 'whole-plan';
export type CounsellingTopic = 'budget' | 'debt' | 'housing_benefit' | 'rent_arrears' | 'other';

/** The details found in a message; every field optional. Dates are Copenhagen calendar dates. */
export interface Details {
  /** The words left once intent words, dates and numbers are removed: what may name an activity, focus area or indicator. */
  activityText?: string;
  /** A question about an activity: what it costs, where it is, who may come. */
  asks?: 'price' | 'place' | 'audience';
  /** The activity text names the communal dinner ("العشاء المشترك", "fællesspisning", "3asha"). */
  category?: 'dinner';
  /** A single day ("i dag", "på torsdag", "24/11", "غدا", "tomorrow"), YYYY-MM-DD. */
  date?: string;
  /** A span ("denne uge", "this week", "weekend"), inclusive YYYY-MM-DD bounds. */
  dateRange?: { from: string; to: string };
  /** Counts tied to a word: "34 deltagere", "2 frivillige", "12 kids", "6 mødre", "5 nye". */
  participants?: number;
  volunteers?: number;
  newParticipants?: number;
  adults?: number;
  children?: number;
  /** Numbers found that no word claimed, in order. */
  numbers: number[];
  audience?: Audience;
  /** A street address ("Husarvej 12"). */
  address?: string;
  period?: PeriodChoice;
  topic?: CounsellingTopic;
  dietary?: { halal?: boolean; vegetarian?: boolean };
  /** A language the person asked for ("på arabisk", "in English"). */
  language?: Language;
  /** A year mentioned with a measurement ("klagesager 2022: 49" → year 2022, value 49). */
  year?: number;
  value?: number;
}

/** The reader's result. */
export interface Understanding {
  intent: Intent;
  /** 0-1: how sure the reader is of the intent. */
  confidence: number;
  details: Details;
  /** The intents with evidence, best first (the chosen one included), for asking "did you mean…". */
  alternatives?: { intent: Intent; score: number }[];
  /**
   * The trained classifier's view (./classifier), also when the rules found nothing: its best intent, how sure it is of it, and how much
   * it believes the rules' intent, and its runner-up. Disagreement is doubt; agreement is support (./decision).
   */
  secondOpinion?: { intent: Intent; share: number; rulesShare: number; next?: { intent: Intent; share: number } };
  /** A negation or "why" stands just before the words of the intent ("jeg vil ikke tilmelde mig"): doubtful (./negation). */
  negated?: boolean;
  /** The intent rests only on words read past a typing slip ("tilmled"): a guess (./typos). */
  guessed?: boolean;
  /** It tells of an appointment or a day elsewhere in one's life ("jeg skal til tandlæge på fredag"): no hunch is offered for it. */
  elsewhere?: boolean;
  /** The place elsewhere is named before the words of the intent ("lægen har flyttet min tid"): it did the moving. */
  elsewhereLeads?: boolean;
  /** The intent was said outright, in its own words ("meld mig af", "hvordan går det med"): a second opinion does not overrule it. */
  outright?: boolean;
}
