// GET /api/account: the /account page's data. It lives with the page (app/(account)/account/data.ts);
// it is served here, outside middleware.ts's matcher, because every path under /account is inside it.
export { GET } from "@/app/(account)/account/data";
