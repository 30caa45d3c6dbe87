import { describe, expect, it } from 'vitest'
import { maskLetterForPublication, maskName, maskPersonalData } from '../../src/interaction'

const PHONES = ['13877512345', '138 7751 2345', '138-7751-2345', '+86 13877512345', '１３８７７５１２３４５', '0775-2826123', '(0775)2826123', '2826123']
const IDS = ['450902199003151234', '45090219900315123X', '450902 19900315 1234']
const digitsOf = (text: string) => text.normalize('NFKC').replace(/\D/g, '')

describe('masking personal data', () => {
  it('masks names keeping the surname', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('李小明')).toBe('李**')
    expect(maskName('欧阳小明')).toBe('欧阳**')
  })

  for (const phone of PHONES) {
    it(`no phone number survives: ${phone}`, () => {
      const masked = maskPersonalData(`请联系我，电话${phone}，谢谢。`)
      expect(digitsOf(masked)).not.toContain(digitsOf(phone).slice(-7))
      expect(masked).toContain('*')
    })
  }

  for (const id of IDS) {
    it(`no ID-card number survives: ${id}`, () => {
      const masked = maskPersonalData(`身份证号：${id}。`)
      expect(digitsOf(masked)).not.toContain(digitsOf(id).slice(3, 17))
      expect(masked).not.toMatch(/\d{7,}/)
    })
  }

  it('masks e-mail addresses', () => {
    const masked = maskPersonalData('邮箱 zhangsan.1990@example.com 回复')
    expect(masked).not.toContain('zhangsan')
    expect(masked).toContain('z***@***.com')
  })

  it('masks addresses after 住址/家住 and house numbers', () => {
    const masked = maskPersonalData('我家住玉林市玉州区人民东路123号5栋502室，门前道路损坏。')
    expect(masked).not.toContain('人民东路')
    expect(masked).not.toContain('502')
    expect(masked).toContain('家住玉林市玉州区')
    expect(maskPersonalData('幸福小区3栋2单元')).toBe('幸福小区*栋*单元')
    expect(maskPersonalData('城西村12组')).toBe('城西村**组')
  })

  it('masks names in greetings, signatures, after 我叫/来信人 and before honorifics', () => {
    expect(maskPersonalData('我叫王小红，是一名教师。')).toBe('我叫王**，是一名教师。')
    expect(maskPersonalData('来信人：陈建国')).toBe('来信人：陈**')
    expect(maskPersonalData('黄志强先生：您好！')).toContain('黄**先生')
    expect(maskPersonalData('刘德明您好，来信收悉。')).toBe('刘**您好，来信收悉。')
    expect(maskPersonalData('问题如上。\n此致敬礼\n赵明华\n2025年4月25日')).toBe('问题如上。\n此致敬礼\n赵**\n2025年4月25日')
  })

  it('masks the writer’s own name wherever it appears, even without a common surname', () => {
    const masked = maskLetterForPublication({ name: '禤永安', subject: '禤永安反映路灯问题', content: '我是禤永安，住在附近。', reply: '禤永安同志：您好' })
    expect(JSON.stringify(masked)).not.toContain('禤永安')
    expect(masked.subject).toBe('禤**反映路灯问题')
  })

  it('masks subject, content and reply', () => {
    const masked = maskLetterForPublication({
      name: '张三',
      subject: '张三 13877512345 反映噪音',
      content: '身份证450902199003151234，电话0775-2826123，邮箱a@b.cn',
      reply: '张三同志：已联系13877512345。',
    })
    const all = JSON.stringify(masked)
    for (const secret of ['13877512345', '450902199003151234', '2826123', 'a@b.cn', '张三']) expect(all).not.toContain(secret)
  })

  it('keeps an office landline and a service hotline, which are public numbers; hides a private landline and every mobile', () => {
    const reply = '请与市住建局0775-2826123联系，或拨打0775-12345热线；咨询电话：2826124；市民中心（0775）2826125。'
    expect(maskPersonalData(reply)).toBe(reply)
    const mobile = maskPersonalData('请联系市住建局13877512345')
    expect(mobile).not.toContain('13877512345')
    for (const privateLine of ['我的电话0775-2826123', '联系电话：0775-2826123', '我的住所电话：0775-2826123', '家里座机(0775)2826123']) {
      expect(maskPersonalData(privateLine), privateLine).not.toContain('2826123')
    }
  })

  it('masks only the number, never the text in brackets after it', () => {
    expect(maskPersonalData('编号12345678901234567（17位）')).toBe('编号123**************（17位）')
    expect(maskPersonalData('身份证450902199003151234（18位）')).toBe('身份证450***************（18位）')
  })

  it('keeps ordinary text, dates and short numbers', () => {
    const text = '2025-04-25 下午3点，5路公交车晚点20分钟，国办发〔2019〕19号文件。'
    expect(maskPersonalData(text)).toBe(text)
    expect(maskPersonalData('')).toBe('')
    expect(maskPersonalData(null)).toBe('')
  })
})
