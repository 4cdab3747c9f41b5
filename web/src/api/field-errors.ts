// Where a 422 problem belongs on a form: `list_fields[2].value` of a request that sent fields by name
// belongs to the third field sent; `emails[0]` belongs to the emails box.

/** Problems keyed by the form's own names: list fields by their name, the rest by their first segment. */
export function problemsByField(problems: Record<string, string>, sentFieldNames: string[] = []) {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(problems)) {
    const listField = /^(?:list_fields|custom_fields)\[(\d+)\]/.exec(path)
    const name = listField ? sentFieldNames[Number(listField[1])] : undefined
    const key = name !== undefined ? `field:${name}` : (path.split(/[.[]/)[0] ?? path)
    out[key] ??= message
  }
  return out
}
