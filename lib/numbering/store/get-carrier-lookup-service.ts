import { createDelegableLoad } from '../../cache/create-delegable-load';
import { getConfig } from '../../config/load-config';
import { getDb, type Db } from '../../db/client';
import { learnNumberCarrier, type LearnNumberCarrierOptions } from './learn-number-carrier';
import { createCarrierLookupService, type CarrierLookupService } from '../carrier';

const holder = globalThis as typeof globalThis & { __carrierLookupService?: CarrierLookupService | null };

/** The configured lookup service of this thread, or null when CARRIER_LOOKUP_URL is not set (the default). */
export function getCarrierLookupService(): CarrierLookupService | null {
  if (holder.__carrierLookupService !== undefined) return holder.__carrierLookupService;
  const config = getConfig();
  if (!config.CARRIER_LOOKUP_URL) return (holder.__carrierLookupService = null);
  const ttlMs = config.CARRIER_LOOKUP_TTL_HOURS * 3_600_000;
  return (holder.__carrierLookupService = createCarrierLookupService({
    url: config.CARRIER_LOOKUP_URL,
    token: config.CARRIER_LOOKUP_TOKEN,
    onAnswer: async (answer) => {
      await learnInApp(getDb(), {
        e164: answer.e164,
        inn: answer.inn,
        ttlMs,
        note: answer.ownerId ? `HLR: ${answer.ownerId}` : 'HLR',
      });
    },
  }));
}

/** The dialplan process asks the service too (its calls route), but has no database: the app stores what it learns. */
export const learnNumberCarrierInApp = (db: Db, answer: Omit<LearnNumberCarrierOptions, 'db'>) =>
  learnNumberCarrier({ db, ...answer });
const learnInApp = createDelegableLoad(learnNumberCarrierInApp);
