/** List exports (`GET /api/export/<list>.csv`): a CSV header line, recording the URL it was asked with. */
import { http, HttpResponse } from "msw";
import type { Db } from "../mock-db";

/** The header line of each mock export: the columns the server writes (docs/api.md). */
const HEADERS: Record<string, string> = {
  "members.csv": "id,name,email,role,type,status,partner,accepted_at,created_at",
  "invitations.csv":
    "id,email,kind,role,status,delivery,expires_at,send_count,invited_by,created_at",
  "partners.csv":
    "id,company_name,guest,account_id,contact_name,contact_email,status,pending_members,active_members,created_at",
  "clients.csv": "id,name,email,account_id,type,status,team_lead,team_lead_email,created_at",
};

export function listExportHandlers(db: Db) {
  return [
    http.get("/api/export/:file", ({ request, params }) => {
      const file = String(params["file"]);
      const url = new URL(request.url);
      db.operations.push({
        operationName: "ListExport",
        variables: { path: `${url.pathname}${url.search}` },
      });
      const header = HEADERS[file];
      if (!header) return HttpResponse.json({ error: "No such export" }, { status: 404 });
      const name = file.replace(".csv", "-2026-02-01.csv");
      return new HttpResponse(`${header}\r\n`, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${name}"`,
        },
      });
    }),
  ];
}
