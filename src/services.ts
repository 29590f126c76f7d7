/** The domain services, wired from one database and one clock. Channels receive this object. */
import type { Db } from './database/database';
import type { Clock } from './time/clock';
import { AppointmentService } from './appointments/appointment-service';
import { HousingAreaService } from './areas/housing-area-service';
import { CatalogueService } from './catalogue/catalogue-service';
import { AttendanceService } from './deliveries/attendance-service';
import { DeliveryService } from './deliveries/delivery-service';
import { EventService } from './events/event-service';
import { HandoverService } from './handovers/handover-service';
import { HandoverMedia } from './handovers/handover-media';
import { PeopleService } from './people/people-service';
import { ReminderPreferences } from './reminders/reminder-preferences';
import { BroadcastService } from './broadcasts/broadcast-service';
import { TopicPreferences } from './broadcasts/topic-preferences';
import { IndicatorService } from './progress/indicator-service';
import { ProgressService } from './progress/progress-service';
import { ReportService } from './reports/report-model';
import { SignUpService } from './sign-ups/sign-up-service';
import { SeriesService } from './series/series-service';
import { OfferService } from './sign-ups/offer-service';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from './outbox/config';
import { NO_METRICS, type Metrics } from './metrics/metrics';

/** Every domain service Nabo has. */
export interface Services {
  catalogue: CatalogueService;
  areas: HousingAreaService;
  signUps: SignUpService;
  /** Answers to waiting-list offers, and the sweep of expired ones. */
  offers: OfferService;
  appointments: AppointmentService;
  deliveries: DeliveryService;
  attendance: AttendanceService;
  progress: ProgressService;
  /** The fremdriftsrapport of a plan and period (report-model.ts). */
  reports: ReportService;
  people: PeopleService;
  events: EventService;
  /** A season of weekly events, saved together. */
  series: SeriesService;
  handovers: HandoverService;
  indicators: IndicatorService;
  /** A resident's stop/start for reminders. */
  reminders: ReminderPreferences;
  /** Staff broadcasts to residents, queued through the outbox. */
  broadcasts: BroadcastService;
  /** A resident's news topics and stop/start for news. */
  topics: TopicPreferences;
  /** Voice messages, photos and documents from residents, as handover requests. */
  handoverMedia: HandoverMedia;
}

/**
 * Wires the services; `messaging` (loadMessagingConfig) sets reminder times, offer deadlines and
 * quiet hours; `metrics` receives sign-ups and cancellations (the server passes its Prometheus metrics).
 */
export function createServices(db: Db, clock: Clock, messaging: MessagingConfig = DEFAULT_MESSAGING_CONFIG, metrics: Metrics = NO_METRICS): Services {
  const signUps = new SignUpService(db, clock, messaging, metrics);
  const handovers = new HandoverService(db, clock);
  return {
    catalogue: new CatalogueService(db, clock),
    areas: new HousingAreaService(db),
    signUps,
    offers: new OfferService(db, clock, messaging),
    appointments: new AppointmentService(db, clock, messaging),
    deliveries: new DeliveryService(db, clock),
    attendance: new AttendanceService(db, clock),
    progress: new ProgressService(db, clock),
    reports: new ReportService(db, clock),
    people: new PeopleService(db, clock, signUps),
    events: new EventService(db, clock, messaging),
    series: new SeriesService(db, clock),
    handovers,
    indicators: new IndicatorService(db, clock),
    reminders: new ReminderPreferences(db, clock),
    broadcasts: new BroadcastService(db, clock),
    topics: new TopicPreferences(db, clock),
    handoverMedia: new HandoverMedia(db, handovers),
  };
}
