import config from './config.json' with { type: 'json' }

/** Sharing settings (config.json): limits on notes and reasons, page size of bulk reads. */
export const sharingConfig = config
