/**
 * Theme templates compiled to closures. liquidjs parses them; instead of walking its AST with
 * generators on every request (≈ 40–50 % of an uncached page's CPU time, `toValueSync` being the
 * hottest function), each template becomes a tree of plain functions once, then runs as ordinary
 * JavaScript. No template engine does this for Liquid's syntax without letting the template run
 * code, hence this file.
 *
 * It covers the subset the shipped themes use — output with `raw`, `default`, `escape` and the
 * theme's own filters; `if`/`elsif`/`else`, `unless`, `for` (with `forloop`, `else`), `assign`,
 * `include` of a fixed file, `layout` + `block`, `comment` — with liquidjs's semantics under the
 * options themes.ts sets (`outputEscape: 'escape'`, `jsTruthy`, `ownPropertyOnly`). Anything else
 * (another tag, a filter, a `for` modifier, `nil`/`empty`, `block.super`…) makes `compileFile`
 * throw `UnsupportedTemplate`, and the theme renders that page with liquidjs as before, so a new
 * theme can use all of Liquid. tests/sites/template-compiler.test.ts checks both give the same HTML.
 */
import {
  Drop,
  IfTag,
  UnlessTag,
  ForTag,
  AssignTag,
  IncludeTag,
  LayoutTag,
  BlockTag,
  CommentTag,
  Output,
  TypeGuards,
  type Liquid,
  type LookupType,
  type Template,
} from 'liquidjs'

export class UnsupportedTemplate extends Error {}

/** Filters a theme registers, called as `filter(value, ...args)`. */
export type FilterFunction = (value: unknown, ...args: unknown[]) => unknown

type BlockRender = (out: State) => void
interface State {
  html: string
  /** Innermost last; `scopes[0]` receives `assign`s, as in liquidjs (`ctx.bottom()`). */
  scopes: Record<string, unknown>[]
  env: Record<string, unknown>
  blocks: Record<string, BlockRender>
  storing: boolean
}
type Run = (state: State) => void
type Eval = (state: State) => unknown

const hasOwn = Object.prototype.hasOwnProperty
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }

function stringify(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(stringify).join('')
  return String(value)
}

// liquidjs's own `escape` filter, byte for byte (&#34;, arrays joined), so a compiled template renders
// exactly what the interpreter would; the rest of the project escapes with src/lib/html.ts.
const escape = (value: unknown) => stringify(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** `forloop` inside a `for`: own data properties with the values of liquidjs's ForloopDrop methods. */
class Forloop {
  index0 = 0
  index = 1
  first = true
  last = false
  rindex = 0
  rindex0 = 0
  constructor(
    public length: number,
    public name: string,
  ) {}
  at(i: number) {
    this.index0 = i
    this.index = i + 1
    this.first = i === 0
    this.last = i === this.length - 1
    this.rindex = this.length - i
    this.rindex0 = this.length - i - 1
  }
}

function readProperty(object: unknown, key: unknown): unknown {
  let obj = object as Record<string, unknown> | null | undefined
  while (obj && typeof (obj as { toLiquid?: unknown }).toLiquid === 'function') obj = (obj as unknown as { toLiquid(): Record<string, unknown> }).toLiquid()
  if (obj === null || obj === undefined) return obj
  if (Array.isArray(obj) && typeof key === 'number') {
    const index = key < 0 ? obj.length + key : key
    return hasOwn.call(obj, index) ? obj[index] : undefined
  }
  const name = key as string
  const value = hasOwn.call(obj, name) ? obj[name] : undefined
  if (typeof value === 'function') return (value as () => unknown).call(obj)
  if (name === 'size') {
    if (hasOwn.call(obj, 'size') || obj['size'] !== undefined) return obj['size']
    if (Array.isArray(obj) || typeof obj === 'string') return (obj as unknown[]).length
    if (typeof obj === 'object') return Object.keys(obj).length
    return undefined
  }
  if ((name === 'first' || name === 'last') && Array.isArray(obj)) {
    const index = name === 'first' ? 0 : obj.length - 1
    return hasOwn.call(obj, index) ? obj[index] : undefined
  }
  return value
}

function lookup(state: State, key: string): unknown {
  for (let i = state.scopes.length - 1; i >= 0; i--) {
    const scope = state.scopes[i]!
    if (key in scope) return readProperty(scope, key)
  }
  // Not found anywhere: liquidjs reads it from its (empty) globals, so `size` is 0 there too.
  return readProperty(key in state.env ? state.env : NO_GLOBALS, key)
}

const NO_GLOBALS = Object.freeze({})

function equals(l: unknown, r: unknown): boolean {
  if (Array.isArray(l)) return Array.isArray(r) && l.length === r.length && l.every((x, i) => equals(x, r[i]))
  return l === r
}

const BINARY: Record<string, (l: unknown, r: unknown) => unknown> = {
  '==': equals,
  '!=': (l, r) => !equals(l, r),
  '>': (l, r) => (l as number) > (r as number),
  '<': (l, r) => (l as number) < (r as number),
  '>=': (l, r) => (l as number) >= (r as number),
  '<=': (l, r) => (l as number) <= (r as number),
  contains: (l, r) =>
    Array.isArray(l)
      ? l.some((x) => equals(x, r))
      : typeof (l as { indexOf?: unknown })?.indexOf === 'function'
        ? (l as string).indexOf(r as string) > -1
        : false,
  and: (l, r) => Boolean(l) && Boolean(r),
  or: (l, r) => Boolean(l) || Boolean(r),
}

function toEnumerable(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.length > 0 ? [value] : []
  if (value && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') return Array.from(value as Iterable<unknown>)
  if (value && typeof value === 'object') return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]])
  return []
}

type AnyToken = { kind: number; content?: unknown; props?: AnyToken[]; variable?: unknown; operator?: string; getText?: () => string }
/** A liquidjs Value as read here: its types keep `Filter.handler` private, though outputEscape is told apart by it. */
type ValueParts = { initial: { postfix: AnyToken[] }; filters: Array<{ name: string; args: unknown[]; handler?: unknown }> }

export interface CompiledTheme {
  /** Renders `file` (e.g. `pages/home`) with `context`; throws UnsupportedTemplate if it cannot be compiled. */
  renderFile(file: string, context: Record<string, unknown>): string
  /** Compiles `file` and everything it includes now, so a page that cannot be compiled is known at start-up. */
  compileFile(file: string): void
}

export function compileTheme(engine: Liquid, filters: Record<string, FilterFunction>): CompiledTheme {
  const files = new Map<string, Run[]>()
  const outputEscape = (engine.options as { outputEscape?: unknown }).outputEscape

  function parse(file: string, lookupType: 'partials' | 'layouts' | 'root'): Run[] {
    const key = `${lookupType}:${file}`
    let runs = files.get(key)
    if (!runs) {
      // Registered before compiling, so a partial that includes itself (the site map's tree) compiles.
      runs = []
      files.set(key, runs)
      try {
        // liquidjs declares the lookup as its LookupType enum, whose values are these same strings.
        runs.push(...compileAll(engine.parseFileSync(file, lookupType as LookupType)))
      } catch (error) {
        files.delete(key)
        throw error
      }
    }
    return runs
  }

  function compileAll(templates: Template[]): Run[] {
    return templates.map(compileTemplate)
  }

  function runAll(runs: Run[], state: State) {
    for (let i = 0; i < runs.length; i++) runs[i]!(state)
  }

  function compileToken(token: AnyToken): Eval {
    if (TypeGuards.isPropertyAccessToken(token)) {
      if (token.variable) throw new UnsupportedTemplate(`expression ${token.getText?.()}`)
      const props = token.props!
      const keys = props.map((prop): Eval => {
        if ('content' in prop) {
          const content = prop.content
          return () => content
        }
        if (TypeGuards.isPropertyAccessToken(prop)) return compileToken(prop)
        throw new UnsupportedTemplate(`property ${prop.getText?.()}`)
      })
      const first = props[0]
      if (!first || !('content' in first) || typeof first.content !== 'string') throw new UnsupportedTemplate(`expression ${token.getText?.()}`)
      const root = first.content
      // `block.super` and a bare `forloop` are drops in liquidjs, with behaviour these plain values lack.
      if (root === 'block' || (root === 'forloop' && props.length === 1)) throw new UnsupportedTemplate(`variable ${root}`)
      const rest = keys.slice(1)
      if (rest.length === 0) return (state) => lookup(state, root)
      if (rest.length === 1 && 'content' in props[1]!) {
        const key = props[1]!.content
        return (state) => readProperty(lookup(state, root), key)
      }
      return (state) => {
        let value = lookup(state, root)
        for (const key of rest) value = readProperty(value, key(state))
        return value
      }
    }
    if ('content' in token) {
      const content = token.content
      if (content instanceof Drop) throw new UnsupportedTemplate(`literal ${token.getText?.()}`)
      return () => content
    }
    throw new UnsupportedTemplate(`token ${token.getText?.()}`)
  }

  /** An Expression's postfix tokens to one function, with the operator table above. */
  function compileExpression(postfix: AnyToken[]): Eval {
    const stack: Eval[] = []
    for (const token of postfix) {
      if (!TypeGuards.isOperatorToken(token)) {
        stack.push(compileToken(token))
        continue
      }
      const operator = token.operator!
      if (operator === 'not') {
        const operand = stack.pop()!
        stack.push((state) => !operand(state))
        continue
      }
      const apply = BINARY[operator]
      if (!apply) throw new UnsupportedTemplate(`operator ${operator}`)
      const right = stack.pop()!
      const left = stack.pop()!
      stack.push((state) => apply(left(state), right(state)))
    }
    if (stack.length !== 1) throw new UnsupportedTemplate('malformed expression')
    return stack[0]!
  }

  /**
   * A liquidjs Value: its expression, then its filters in order. An Output's value already ends
   * with the escape filter liquidjs appends for `outputEscape` (unless its last filter is `raw`).
   */
  function compileValue(value: ValueParts): Eval {
    let evaluate = compileExpression(value.initial.postfix)
    for (const filter of value.filters) {
      if (filter.args.some((arg) => Array.isArray(arg))) throw new UnsupportedTemplate(`keyword arguments to ${filter.name}`)
      const args = filter.args.map((arg) => compileToken(arg as AnyToken))
      const input = evaluate
      if (filter.name === 'raw') continue
      if (filter.name === 'escape' || filter.handler === outputEscape) {
        evaluate = (state) => escape(input(state))
      } else if (filter.name === 'default') {
        if (args.length !== 1) throw new UnsupportedTemplate('default with more than one argument')
        const fallback = args[0]!
        evaluate = (state) => {
          const v = input(state)
          if (Array.isArray(v) || typeof v === 'string') return v.length ? v : fallback(state)
          return v ? v : fallback(state)
        }
      } else {
        const fn = filters[filter.name]
        if (!fn) throw new UnsupportedTemplate(`filter ${filter.name}`)
        evaluate = (state) => fn(input(state), ...args.map((arg) => arg(state)))
      }
    }
    return evaluate
  }

  function compileTemplate(template: Template): Run {
    const t = template as unknown as Record<string, unknown> & { token: AnyToken }
    if (TypeGuards.isHTMLToken(t.token)) {
      const html = (t as { str?: string }).str ?? ''
      return (state) => void (state.html += html)
    }
    if (template instanceof Output) {
      const evaluate = compileValue(t.value as ValueParts)
      return (state) => void (state.html += stringify(evaluate(state)))
    }
    if (template instanceof CommentTag) return () => {}
    if (template instanceof IfTag || template instanceof UnlessTag) return compileConditional(template)
    if (template instanceof ForTag) return compileFor(template)
    if (template instanceof AssignTag) {
      const key = t.key as string
      const evaluate = compileValue(t.value as ValueParts)
      return (state) => void (state.scopes[0]![key] = evaluate(state))
    }
    if (template instanceof IncludeTag) return compileInclude(t)
    if (template instanceof LayoutTag) return compileLayout(t)
    if (template instanceof BlockTag) return compileBlock(template)
    throw new UnsupportedTemplate(`tag ${t.token.getText?.() ?? template.constructor.name}`)
  }

  function compileConditional(tag: IfTag | UnlessTag): Run {
    const branches = (tag.branches as Array<{ value: never; templates: Template[] }>).map((branch, i) => ({
      // unless: its first branch runs when the value is falsy; its elsif branches when truthy.
      negate: tag instanceof UnlessTag && i === 0,
      test: compileValue(branch.value),
      runs: compileAll(branch.templates),
    }))
    const otherwise = compileAll((tag.elseTemplates as Template[] | undefined) ?? [])
    return (state) => {
      for (const branch of branches) {
        if (Boolean(branch.test(state)) !== branch.negate) return runAll(branch.runs, state)
      }
      runAll(otherwise, state)
    }
  }

  function compileFor(tag: ForTag): Run {
    if (Object.keys((tag.hash as unknown as { hash: object }).hash).length) throw new UnsupportedTemplate('for with offset, limit or reversed')
    const collection = compileToken(tag.collection as unknown as AnyToken)
    const variable = tag.variable
    const name = `${variable}-${(tag.collection as unknown as AnyToken).getText?.()}`
    const body = compileAll(tag.templates)
    const otherwise = compileAll(tag.elseTemplates ?? [])
    return (state) => {
      const items = toEnumerable(collection(state))
      if (!items.length) return runAll(otherwise, state)
      const forloop = new Forloop(items.length, name)
      const scope: Record<string, unknown> = Object.create(null)
      scope.forloop = forloop
      state.scopes.push(scope)
      for (let i = 0; i < items.length; i++) {
        forloop.at(i)
        scope[variable] = items[i]
        runAll(body, state)
      }
      state.scopes.pop()
    }
  }

  function fileOf(tag: Record<string, unknown>): string {
    if (typeof tag.file !== 'string') throw new UnsupportedTemplate('include or layout of a computed file name')
    const hash = (tag.hash ?? tag.args) as { hash: object } | undefined
    if (tag.withVar || (hash && Object.keys(hash.hash).length)) throw new UnsupportedTemplate(`arguments to ${tag.file}`)
    return tag.file
  }

  function compileInclude(tag: Record<string, unknown>): Run {
    // A partial that includes itself gets the array parse() registered before compiling it.
    const runs = parse(fileOf(tag), 'partials')
    return (state) => {
      const { blocks, storing } = state
      state.blocks = {}
      state.storing = false
      state.scopes.push(Object.create(null))
      runAll(runs, state)
      state.scopes.pop()
      state.blocks = blocks
      state.storing = storing
    }
  }

  function compileLayout(tag: Record<string, unknown>): Run {
    const file = fileOf(tag)
    const child = compileAll(tag.templates as Template[])
    const layout = parse(file, 'layouts')
    return (state) => {
      // The child runs first: its blocks are stored, anything outside them is kept as the anonymous block.
      const html = state.html
      state.html = ''
      state.storing = true
      runAll(child, state)
      const rest = state.html
      state.html = html
      state.blocks[''] ??= (out) => void (out.html += rest)
      state.storing = false
      state.scopes.push(Object.create(null))
      runAll(layout, state)
      state.scopes.pop()
    }
  }

  function compileBlock(tag: BlockTag): Run {
    const name = tag.block
    const runs = compileAll(tag.templates)
    const own: BlockRender = (state) => {
      state.scopes.push(Object.assign(Object.create(null), { block: undefined }))
      runAll(runs, state)
      state.scopes.pop()
    }
    return (state) => {
      // A child's block replaces this one (its `block.super` is refused at compile time).
      const render = state.blocks[name] ?? own
      if (state.storing) state.blocks[name] = render
      else render(state)
    }
  }

  return {
    compileFile(file) {
      parse(file, 'root')
    },
    renderFile(file, context) {
      const runs = parse(file, 'root')
      const state: State = { html: '', scopes: [Object.create(null)], env: context, blocks: {}, storing: false }
      runAll(runs, state)
      return state.html
    },
  }
}
