import { errorBody } from "@/lib/api/errors";

// Unknown API paths answer in the JSON error shape instead of the HTML 404 page.
function notFound(): Response {
  return Response.json(errorBody("not_found", "No such API route."), { status: 404 });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
