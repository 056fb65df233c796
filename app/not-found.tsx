import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-4 px-6 text-center">
      <Logo />
      <div>
        <h1 className="text-lg font-semibold text-zinc-900">Page not found</h1>
        <p className="mt-1 text-sm text-zinc-500">It does not exist, or you are not a member of the organization it belongs to.</p>
      </div>
      <Link href="/" className={buttonClasses("secondary")}>
        Go to my dashboard
      </Link>
    </div>
  );
}
