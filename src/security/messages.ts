/** Upload refusals in both admin languages; `{{name}}` is filled from the refusal's details. */
export const uploadMessages = {
  zh: {
    uploadEmpty: '上传的文件是空的',
    uploadNoExtension: '文件“{{name}}”没有扩展名，无法确认类型',
    uploadUnknownType: '无法从内容识别文件“{{name}}”的类型，不能上传',
    uploadTypeNotAllowed: '不允许上传此类文件（按内容识别为 {{type}}）',
    uploadExtensionMismatch: '文件扩展名 .{{ext}} 与内容不符（内容为 {{type}}，应使用 {{expected}}）',
    uploadTooLarge: '文件过大（{{size}} MB），此类文件上限为 {{limit}} MB',
    uploadImageTooLarge: '图片尺寸过大（{{width}}×{{height}}），上限为 {{maxPixels}} 像素、单边 {{maxSide}} 像素',
    uploadCorrupt: '图片文件已损坏或格式不正确，无法读取',
    uploadSvgRefused: 'SVG 文件无法安全处理（{{reason}}），请改用 PNG 或去掉其中的 DOCTYPE/实体定义',
  },
  en: {
    uploadEmpty: 'The uploaded file is empty',
    uploadNoExtension: 'The file "{{name}}" has no extension, so its type cannot be confirmed',
    uploadUnknownType: 'The type of "{{name}}" cannot be recognised from its content',
    uploadTypeNotAllowed: 'Files of this type are not allowed (content is {{type}})',
    uploadExtensionMismatch: 'The extension .{{ext}} does not match the content ({{type}}; use {{expected}})',
    uploadTooLarge: 'The file is too large ({{size}} MB); the limit for this type is {{limit}} MB',
    uploadImageTooLarge: 'The image is too large ({{width}}×{{height}}); the limit is {{maxPixels}} pixels and {{maxSide}} per side',
    uploadCorrupt: 'The image is damaged or not in the format it claims',
    uploadSvgRefused: 'The SVG cannot be processed safely ({{reason}}); upload a PNG or remove its DOCTYPE/entities',
  },
} as const

export type UploadMessageKey = keyof (typeof uploadMessages)['zh']

export function uploadMessage(language: string | undefined, key: UploadMessageKey, vars: Record<string, string | number> = {}): string {
  const table = language?.startsWith('en') ? uploadMessages.en : uploadMessages.zh
  return table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))
}
