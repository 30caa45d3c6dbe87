/** What a second-factor code looks like; shared by the server and the admin's forms (no Node imports here). */
export const TOTP_CODE = /^\d{6}$/
export const RECOVERY_CODE = /^[a-z0-9]{5}-[a-z0-9]{5}$/

export const isRecoveryCodeShape = (code: string) => RECOVERY_CODE.test(code.trim().toLowerCase())
export const isSecondFactorShape = (code: string) => TOTP_CODE.test(code.trim()) || isRecoveryCodeShape(code)
