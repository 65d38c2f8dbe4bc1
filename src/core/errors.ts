import { t, type Lang, type MessageKey, type MessageVar } from '../i18n';

/**
 * An expected, user-facing problem (bad argument, bad scheme, bad input): it carries an i18n key
 * so every adapter can show it in the user's language as one clear line, never a stack trace.
 */
export class RfmError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: Record<string, MessageVar> = {},
  ) {
    super(t('en', key, vars));
    this.name = 'RfmError';
  }

  localized(lang: Lang): string {
    return t(lang, this.key, this.vars);
  }
}
