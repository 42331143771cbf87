import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { codeApi, type Clause } from './api';
import { ClauseEditor } from './ClauseEditor';
import { cleanClauses, copyClauses, incompleteClauses, newClause } from './draft';

/**
 * The code editor. Owners save a new version (with an optional note); editors and advisors end with a proposal
 * (the note is required). Problems from the server are shown at the clause they are about.
 */

export type EditorMode = 'save' | 'propose';

/** Sorts the server's problems by clause: `Clause "id"…` or `Clause 3…`; the rest are general. */
function problemsByClause(messages: string[], clauses: readonly Clause[]): { byId: Map<string, string[]>; general: string[] } {
  const byId = new Map<string, string[]>();
  const general: string[] = [];
  for (const m of messages) {
    const quoted = /^Clause "([^"]*)"/.exec(m);
    const numbered = /^Clause (\d+)\b/.exec(m);
    const clause = quoted ? clauses.find((c) => c.id === quoted[1] || (quoted[1].endsWith('…') && c.id.startsWith(quoted[1].slice(0, -1)))) : numbered ? clauses[Number(numbered[1]) - 1] : undefined;
    if (clause) byId.set(clause.id, [...(byId.get(clause.id) ?? []), m]);
    else general.push(m);
  }
  return { byId, general };
}

export function CodeEditor({
  workspaceId,
  mode,
  base,
  version,
  onDone,
  onCancel,
  onReload,
}: {
  workspaceId: string;
  mode: EditorMode;
  base: readonly Clause[];
  version: number;
  onDone: (result: { version?: number; proposalId?: string }) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [clauses, setClauses] = useState<Clause[]>(() => copyClauses(base));
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [unchanged, setUnchanged] = useState(false);

  const incomplete = useMemo(() => (tried ? incompleteClauses(clauses) : []), [tried, clauses]);
  const dirty = useMemo(() => JSON.stringify(clauses) !== JSON.stringify(base) || note.trim() !== '', [clauses, base, note]);
  const serverProblems = isApiError(error) && error.code === 'ERR_CODE_INVALID' ? error.fieldErrors.map((f) => f.message) : [];
  const problems = useMemo(() => problemsByClause(serverProblems, clauses), [serverProblems.join('\n'), clauses]);

  function problemsFor(c: Clause): string[] {
    const own = incomplete.includes(c.id) ? [t('code.editor.incomplete')] : [];
    return [...own, ...(problems.byId.get(c.id) ?? [])];
  }

  function update(i: number, c: Clause): void {
    setUnchanged(false);
    setClauses((xs) => xs.map((x, j) => (j === i ? c : x)));
  }

  function move(i: number, delta: -1 | 1): void {
    setClauses((xs) => {
      const next = [...xs];
      const [c] = next.splice(i, 1);
      next.splice(i + delta, 0, c);
      return next;
    });
  }

  function add(): void {
    const c = newClause(clauses);
    setFresh((f) => new Set(f).add(c.id));
    setClauses((xs) => [...xs, c]);
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const same = JSON.stringify(cleanClauses(clauses)) === JSON.stringify(cleanClauses(base));
    setUnchanged(same);
    if (same) return;
    const missing = incompleteClauses(clauses);
    setTried(true);
    const needNote = mode === 'propose' && !note.trim();
    setNoteMissing(needNote);
    if (missing.length || needNote) return;
    setBusy(true);
    try {
      const clean = cleanClauses(clauses);
      if (mode === 'save') {
        const r = await codeApi.save(workspaceId, clean, note.trim() || null, version);
        onDone({ version: r.version });
      } else {
        const r = await codeApi.propose(workspaceId, clean, note.trim());
        onDone({ proposalId: r.id });
      }
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const stale = isApiError(error) && error.code === 'ERR_STALE_VERSION';
  const invalid = serverProblems.length > 0;

  return (
    <form className="code-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="code-editor" aria-label={t(mode === 'save' ? 'code.editor.titleSave' : 'code.editor.titlePropose')}>
      <div className="callout">
        <p className="strong">{t(mode === 'save' ? 'code.editor.titleSave' : 'code.editor.titlePropose')}</p>
        <p className="muted">{t(mode === 'save' ? 'code.editor.leadSave' : 'code.editor.leadPropose', { version })}</p>
      </div>

      {clauses.length === 0 && <p className="muted">{t('code.editor.empty')}</p>}
      {clauses.map((c, i) => (
        <ClauseEditor
          key={c.id}
          clause={c}
          index={i}
          count={clauses.length}
          problems={problemsFor(c)}
          startOpen={fresh.has(c.id)}
          onChange={(next) => update(i, next)}
          onRemove={() => setClauses((xs) => xs.filter((_, j) => j !== i))}
          onMove={(d) => move(i, d)}
        />
      ))}
      <div>
        <Button icon={<Icon name="plus" size={16} />} onClick={add} data-testid="code-add-clause">
          {t('code.editor.addClause')}
        </Button>
      </div>

      <div className="card code-editor-footer">
        <TextAreaField
          label={t(mode === 'save' ? 'code.editor.noteSave' : 'code.editor.notePropose')}
          hint={t(mode === 'save' ? 'code.editor.noteSaveHint' : 'code.editor.noteProposeHint')}
          optional={mode === 'save'}
          optionalText={t('common.optional')}
          required={mode === 'propose'}
          value={note}
          onChange={(v) => {
            setNote(v);
            if (v.trim()) setNoteMissing(false);
          }}
          rows={3}
          maxLength={2000}
          error={noteMissing ? t('code.editor.noteRequired') : null}
          data-testid="code-note"
        />
        {unchanged && (
          <div className="alert alert-info" role="alert" data-testid="code-unchanged">
            <Icon name="info" />
            <div className="alert-body">{t('code.editor.unchanged')}</div>
          </div>
        )}
        {incomplete.length > 0 && (
          <div className="alert alert-error" role="alert">
            <Icon name="alert" />
            <div className="alert-body">{t('code.editor.incompleteSummary', { count: incomplete.length })}</div>
          </div>
        )}
        {stale ? (
          <div className="alert alert-warning" role="alert" data-testid="code-stale">
            <Icon name="alert" />
            <div className="alert-body">
              <span>{t('code.editor.stale')}</span>
              <button type="button" className="link-button" onClick={onReload}>
                {t('code.editor.loadNewest')}
              </button>
            </div>
          </div>
        ) : invalid ? (
          <div className="alert alert-error" role="alert" data-testid="code-invalid">
            <Icon name="alert" />
            <div className="alert-body code-invalid-body">
              <span>{t('code.editor.invalid')}</span>
              {problems.general.length > 0 && (
                <ul className="code-problems">
                  {problems.general.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        <div className="form-actions">
          <Button onClick={() => (dirty ? setConfirmDiscard(true) : onCancel())} disabled={busy} data-testid="code-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy} data-testid={mode === 'save' ? 'code-save' : 'code-propose'}>
            {t(mode === 'save' ? 'code.editor.save' : 'code.editor.propose')}
          </Button>
        </div>
      </div>
      {confirmDiscard && (
        <ConfirmDialog
          title={t('code.editor.discardTitle')}
          description={t('code.editor.discardText')}
          confirmLabel={t('code.editor.discard')}
          onClose={() => setConfirmDiscard(false)}
          onConfirm={async () => onCancel()}
          testId="code-discard-dialog"
        />
      )}
    </form>
  );
}
