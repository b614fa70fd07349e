import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { isImportKind, MAX_IMPORT_BODY_BYTES, MAX_IMPORT_BYTES, type UploadErrorCode } from "@/lib/festival/import/limits";
import { sniffFormat, TableError } from "@/lib/festival/import/table";
import { storeUpload } from "@/lib/festival/import/uploads";

// The spreadsheet upload: a route handler rather than a server action, so that only this path takes a
// 5 MB body (middleware.ts) while every action keeps its 256 kB limit. A plain HTML form posts here; the
// answer is a redirect (303) to the upload's page, or back to the form with `?error=<code>`: never a 500
// for a bad file. The file's content is read by the next page, which shows what is wrong with it.

const FORM = "/admin/festival/import";

const back = (code: UploadErrorCode) => new Response(null, { status: 303, headers: { Location: `${FORM}?error=${code}` } });

export async function POST(request: Request): Promise<Response> {
  const me = await requireAdmin("festival.manage", { returnTo: FORM });
  // The middleware refuses a longer body already; checked again here, before anything is parsed.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BODY_BYTES) return back("too-large");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back("unreadable");
  }
  const file = form.get("file");
  const kind = form.get("kind");
  const seasonId = form.get("seasonId");
  if (!(file instanceof File) || !file.name) return back("missing");
  if (file.size === 0) return back("empty");
  if (file.size > MAX_IMPORT_BYTES) return back("too-large");
  if (!isImportKind(kind)) return back("kind");
  if (typeof seasonId !== "string" || !(await prisma.season.findUnique({ where: { id: seasonId.slice(0, 40) }, select: { id: true } }))) return back("season");
  const content = new Uint8Array(await file.arrayBuffer());
  try {
    sniffFormat(content, file.name);
  } catch (error) {
    if (error instanceof TableError && error.code) return back(error.code);
    throw error;
  }
  const id = await storeUpload(prisma, { userId: me.id, seasonId, kind, fileName: file.name.slice(0, 200), content });
  return new Response(null, { status: 303, headers: { Location: `${FORM}/${id}` } });
}
