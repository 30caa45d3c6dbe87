import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { messages } from './messages'

/** Admin languages: Chinese by default, English available; project messages under `sitegroup:`. */
export const i18n = {
  fallbackLanguage: 'zh' as const,
  supportedLanguages: { zh, en },
  translations: {
    zh: { sitegroup: messages.zh },
    en: { sitegroup: messages.en },
  },
}
export { messages }
