import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

// Every admin page and every admin server action must check the database-backed guard itself, FIRST,
// before it reads anything: the (admin) layout is no guard (a page renders alongside it and streams
// its rows before the layout's 403; an `RSC: 1` navigation may render the page without it), and the
// middleware only sees that a session cookie is there. This keeps a new page or action from forgetting.
const root = join(process.cwd(), "app", "(admin)");
const GUARD = "requireAdmin";
const FORM_ACTION = "formAction"; // lib/forms/form-action.ts
// Reading the route's own params is not reading data.
const NOT_DATA = new Set(["params", "searchParams"]);

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), name) : entry.name === name ? [join(dir, entry.name)] : [],
  );
}

type Fn = ts.FunctionDeclaration;

function parse(path: string) {
  return ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

function isExported(node: ts.Node, kind: ts.SyntaxKind.ExportKeyword | ts.SyntaxKind.DefaultKeyword): boolean {
  return ts.canHaveModifiers(node) && Boolean(ts.getModifiers(node)?.some((m) => m.kind === kind));
}

/**
 * The calls a body waits for, in source order: awaited ones, and a call it returns (`return
 * festivalChange(...)` hands its promise to the caller, who waits for it). Nested functions included
 * (they run later, if at all).
 */
function awaits(node: ts.Node): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isAwaitExpression(n)) found.push(n.expression);
    else if (ts.isReturnStatement(n) && n.expression && ts.isCallExpression(n.expression)) found.push(n.expression);
    n.forEachChild(visit);
  };
  node.forEachChild(visit);
  return found;
}

/** A function named `name` in `source`, declared or imported from a project module ("@/…"). */
function findFunction(name: string, source: ts.SourceFile): { fn: Fn; source: ts.SourceFile } | null {
  const local = source.statements.find((s): s is Fn => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (local) return { fn: local, source };
  for (const s of source.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const spec = s.moduleSpecifier.text;
    const named = s.importClause?.namedBindings;
    if (!spec.startsWith("@/") || !named || !ts.isNamedImports(named) || !named.elements.some((e) => e.name.text === name)) continue;
    const base = join(process.cwd(), spec.slice(2));
    for (const path of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
      try {
        const imported = parse(path);
        const fn = imported.statements.find((st): st is Fn => ts.isFunctionDeclaration(st) && st.name?.text === name);
        if (fn) return { fn, source: imported };
      } catch {
        // not this extension
      }
    }
  }
  return null;
}

/** Why `fn` does not call the guard before anything else it awaits or reads, or null when it does. */
function unguarded(fn: Fn, source: ts.SourceFile, depth = 0): string | null {
  if (!fn.body) return "has no body";
  const first = awaits(fn.body).find((a) => !(ts.isIdentifier(a) && NOT_DATA.has(a.text)));
  if (!first) return "awaits nothing: no guard";
  const before = source.text.slice(fn.body.getStart(source), first.getStart(source));
  if (/\bprisma\b/.test(before)) return "touches the database before its guard";
  if (!ts.isCallExpression(first) || !ts.isIdentifier(first.expression)) return `first awaits ${first.getText(source)}, not ${GUARD}()`;
  const callee = first.expression.text;
  if (callee === GUARD) return null;
  if (callee === FORM_ACTION) return unguardedFormAction(first, source, depth);
  // A helper (`const actor = await roleManager()`, `return userChange(...)`), local or from a project
  // module, counts when it calls the guard first itself.
  const helper = depth < 3 ? findFunction(callee, source) : null;
  if (helper) {
    const why = unguarded(helper.fn, helper.source, depth + 1);
    return why && `${callee}() ${why}`;
  }
  return `first awaits ${callee}(), not ${GUARD}()`;
}

/**
 * `return formAction(formData, { guard: () => requireAdmin(…), … })`: formAction runs its guard before
 * anything else (checked below), so the guard is what must call requireAdmin first.
 */
function unguardedFormAction(call: ts.CallExpression, source: ts.SourceFile, depth: number): string | null {
  const spec = call.arguments[1];
  if (!spec || !ts.isObjectLiteralExpression(spec)) return `${FORM_ACTION}() without a written-out spec`;
  const guard = spec.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === "guard");
  if (!guard) return `${FORM_ACTION}() without a guard`;
  const init = guard.initializer;
  const target = ts.isArrowFunction(init) && ts.isCallExpression(init.body) ? init.body.expression : init;
  if (!ts.isIdentifier(target)) return `${FORM_ACTION}()'s guard is ${init.getText(source)}, not a call`;
  if (target.text === GUARD) return null;
  const helper = depth < 3 ? findFunction(target.text, source) : null;
  if (!helper) return `${FORM_ACTION}()'s guard ${target.text}() is not ${GUARD}()`;
  const why = unguarded(helper.fn, helper.source, depth + 1);
  return why && `${FORM_ACTION}()'s guard ${target.text}() ${why}`;
}

const pages = files(root, "page.tsx");
const actionFiles = files(root, "actions.ts");
// Route handlers (the import's upload, report downloads) are endpoints too: each exported method guards itself first.
const routeFiles = files(root, "route.ts");

describe("admin pages and actions check their own permission first", () => {
  it("are found", () => {
    expect(pages.map((p) => relative(root, p)).sort()).toEqual(
      expect.arrayContaining([join("admin", "page.tsx"), join("admin", "users", "page.tsx"), join("admin", "roles", "[id]", "page.tsx")]),
    );
    expect(actionFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(pages.map((p) => [relative(root, p), p]))("page %s", (_name, path) => {
    const source = parse(path);
    const page = source.statements.find((s): s is Fn => ts.isFunctionDeclaration(s) && isExported(s, ts.SyntaxKind.DefaultKeyword));
    expect(page, "a default-exported page function").toBeTruthy();
    expect(unguarded(page!, source)).toBeNull();
  });

  const actions = actionFiles.flatMap((path) => {
    const source = parse(path);
    const exported = source.statements.filter((s): s is Fn => ts.isFunctionDeclaration(s) && isExported(s, ts.SyntaxKind.ExportKeyword));
    // "use server" exports only async functions: anything else exported would be an endpoint we cannot see.
    const others = source.statements.filter((s) => isExported(s, ts.SyntaxKind.ExportKeyword) && !ts.isFunctionDeclaration(s) && !ts.isTypeAliasDeclaration(s) && !ts.isInterfaceDeclaration(s));
    expect(others.map((s) => s.getText(source).slice(0, 60)), relative(root, path)).toEqual([]);
    return exported.map((fn) => [`${relative(root, path)} ${fn.name?.text}`, fn, source] as const);
  });

  it("every actions file has exported actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(8);
  });

  it.each(actions)("action %s", (_name, fn, source) => {
    expect(unguarded(fn, source)).toBeNull();
  });

  const routes = routeFiles.flatMap((path) => {
    const source = parse(path);
    return source.statements
      .filter((s): s is Fn => ts.isFunctionDeclaration(s) && isExported(s, ts.SyntaxKind.ExportKeyword))
      .map((fn) => [`${relative(root, path)} ${fn.name?.text}`, fn, source] as const);
  });

  it("route handlers are found", () => {
    expect(routes.map(([name]) => name)).toContain(`${join("admin", "festival", "import", "upload", "route.ts")} POST`);
    expect(routes.map(([name]) => name)).toContain(`${join("admin", "festival", "reports", "download", "[report]", "route.ts")} GET`);
  });

  it.each(routes)("route handler %s", (_name, fn, source) => {
    expect(unguarded(fn, source)).toBeNull();
  });

  it(`${FORM_ACTION}() runs its guard before anything else`, () => {
    const source = parse(join(process.cwd(), "lib", "forms", "form-action.ts"));
    const fn = source.statements.find((s): s is Fn => ts.isFunctionDeclaration(s) && s.name?.text === FORM_ACTION);
    expect(fn?.body && awaits(fn.body)[0]?.getText(source)).toBe("spec.guard()");
  });

  it("the check itself catches a page that reads first", () => {
    const bad = ts.createSourceFile(
      "bad.tsx",
      `export default async function P() { const rows = await listUsers(prisma); await requireAdmin("users.read", "/x"); return rows; }`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const fn = bad.statements[0] as Fn;
    expect(unguarded(fn, bad)).toMatch(/touches the database|not requireAdmin/);
    const parallel = ts.createSourceFile(
      "bad2.tsx",
      `export default async function P() { const [me, rows] = await Promise.all([requireAdmin("users.read", "/x"), listUsers(db)]); return rows; }`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(unguarded(parallel.statements[0] as Fn, parallel)).toMatch(/not requireAdmin/);
    const open = ts.createSourceFile(
      "bad3.ts",
      `async function anyone() { return null; }\nexport async function A(_p, formData) { return formAction(formData, { guard: anyone, schema, echo: {}, where: "x", run }); }`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TS,
    );
    expect(unguarded(open.statements[1] as Fn, open)).toMatch(/guard anyone\(\) awaits nothing/);
  });
});
