import type { Access, Where } from 'payload'

/**
 * A document rule for `readVersions`. Payload applies that rule to the versions table, where the
 * document's fields sit under `version.` (`version.organization`), so a rule written for the
 * documents fails there (500) or, left out, defaults to "any logged-in user" and shows every
 * unit's drafts. Every field name is moved under `version.`; `and`/`or` are kept.
 */
export function onVersions(access: Access): Access {
  return async (args) => {
    const result = await access(args)
    return typeof result === 'object' && result !== null ? underVersion(result) : result
  }
}

function underVersion(where: Where): Where {
  const moved: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) moved[key] = value.map((w) => underVersion(w as Where))
    else moved[`version.${key}`] = value
  }
  return moved
}
