/**
 * First contact and the things anyone can ask for anywhere: welcome with the privacy notice and
 * consent, language, help, the menu. A deep-link start payload ("e_<event id>") opens an event.
 */
import { LANGUAGES, type Language } from '../../plan-data/plan-file';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { activityDetails, eventDetails } from './event-details';
import { topicsQuestion } from './news-flow';

function welcome(ctx: FlowContext): Step {
  const { t, person } = ctx;
  if (person.consentAt || person.role !== 'resident') {
    // "Hej igen" only to someone who has been here before (consent is given on a first visit).
    const key = person.consentAt ? 'common:welcome.back' : 'common:welcome.hello';
    return person.firstName ? done(text(t(key, { name: person.firstName })), mainMenu(t, person)) : done(mainMenu(t, person));
  }
  return done(
    text(t('common:welcome.intro')),
    text(t('common:privacy.short')),
    choices(t('common:consent.question'), [
      choice(t('common:consent.yes'), 'welcome.consent'),
      choice(t('common:privacy.button'), 'welcome.privacy'),
      choice(t('common:consent.no'), 'welcome.decline'),
      choice(t('common:menu.language'), 'welcome.languages'),
    ]),
  );
}

function languageMenu(ctx: FlowContext): Step {
  return done(
    choices(
      ctx.t('common:language.choose'),
      LANGUAGES.map((l) => choice(LANGUAGE_NAMES[l], `welcome.lang|${l}`)),
    ),
  );
}

async function setLanguage(ctx: FlowContext, language: Language): Promise<Step> {
  const person = await ctx.services.people.setLanguage(ctx.person.id, language);
  ctx.languageChanged(language);
  const t = ctx.translatorFor(language);
  return done(text(t('common:language.changed', { language: LANGUAGE_NAMES[language] })), mainMenu(t, person));
}

export const welcomeFlow: Flow = {
  name: 'welcome',
  roles: RESIDENT_ROLES,
  intents: ['greet', 'help', 'menu', 'change_language', 'privacy', 'thanks'],
  async start(ctx, u) {
    const { t, person } = ctx;
    switch (u?.intent) {
      case 'help':
        return done(text(t(person.role === 'resident' ? 'common:help.resident' : 'common:help.staff')), mainMenu(t, person));
      case 'menu':
        return done(mainMenu(t, person));
      case 'change_language':
        return u.details.language ? setLanguage(ctx, u.details.language) : languageMenu(ctx);
      case 'privacy':
        return done(text(t('common:privacy.full')), mainMenu(t, person));
      case 'thanks':
        return done(text(t('common:thanks.reply')), mainMenu(t, person));
      default:
        return welcome(ctx);
    }
  },
  async resume(ctx, input) {
    const { t, person } = ctx;
    if (input.kind === 'text') return welcome(ctx);
    switch (input.step) {
      case 'start': {
        const first = welcome(ctx);
        // Deep links from the printed leaflet's QR codes: "e_<event id>" or "a_<activity id>".
        const payload = input.arg ?? '';
        const details = payload.startsWith('e_')
          ? await eventDetails(ctx, payload.slice(2))
          : payload.startsWith('a_')
            ? await activityDetails(ctx, payload.slice(2))
            : [];
        return done(...first.replies, ...details);
      }
      case 'consent': {
        const updated = await ctx.services.people.setConsent(person.id, true);
        // Which news they want is asked once, here; "nyheder" changes it later (news-flow.ts).
        const news = updated.role === 'resident' ? [topicsQuestion(t, (await ctx.services.topics.choices(person.id)).topics)] : [];
        return done(text(t('common:consent.thanks')), ...news, mainMenu(t, updated));
      }
      case 'decline': {
        // A "no" keeps only what respects it: the channel id and the language (people-service.ts).
        const declined = await ctx.services.people.setConsent(person.id, false);
        return done(text(t('common:consent.declined')), mainMenu(t, declined));
      }
      case 'privacy':
        return done(
          text(t('common:privacy.full')),
          choices(t('common:consent.question'), [choice(t('common:consent.yes'), 'welcome.consent'), choice(t('common:consent.no'), 'welcome.decline')]),
        );
      case 'languages':
        return languageMenu(ctx);
      case 'lang':
        return (LANGUAGES as readonly string[]).includes(input.arg ?? '') ? setLanguage(ctx, input.arg as Language) : languageMenu(ctx);
      case 'help':
        return done(text(t(person.role === 'resident' ? 'common:help.resident' : 'common:help.staff')), mainMenu(t, person));
      default:
        return done(mainMenu(t, person));
    }
  },
};
