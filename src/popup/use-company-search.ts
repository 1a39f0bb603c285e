import { useEffect, useRef, useState } from 'preact/hooks';
import type { Company } from '../core/model';
import { sendToBackground } from '../messaging/send';


/**
 * Companies whose names start with what the user is typing, asked for once typing pauses.
 * `current` is the answer for exactly `text` (null while it is on its way), so that nobody decides
 * on the results of an earlier text; `lookup()` waits for that answer if need be.
 */
export function useCompanySearch(text: string, enabled: boolean, limit: number): { shown: Company[]; current: Company[] | null; lookup: () => Promise<Company[]> } {
  const [answer, setAnswer] = useState<{ text: string; results: Company[] } | null>(null);
  const search = (query: string) => sendToBackground('searchCompanies', { query, limit });
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => {
    if (!enabled || !text.trim()) return;
    const timer = setTimeout(() => {
      search(text).then((results) => {
        // A slow answer to an earlier text must not replace the answer to the latest one.
        if (latest.current === text) setAnswer({ text, results });
      }, () => undefined);
    }, 120);
    return () => clearTimeout(timer);
  }, [text, enabled, limit]);
  const current = answer?.text === text ? answer.results : null;
  return { shown: answer?.results ?? [], current, lookup: () => (current ? Promise.resolve(current) : search(text)) };
}
