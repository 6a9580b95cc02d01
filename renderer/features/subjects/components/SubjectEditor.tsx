// One subject's page around its form: a status until the record is ready, then the form with the
// shared header (Delete, Cancel, Save, erase confirmation). The page supplies only its texts and form.
import type { ReactNode } from 'react';
import { formatRoute, type Route } from '../../../kit/routing';
import type { FieldErrors } from '../../../ui/forms/field-errors';
import type { SubjectRecordOf } from '../hooks/useSubjectRecord';
import { SubjectBackButton } from '../../../ui/SubjectBackButton';
import { SubjectPageHeader } from './SubjectPageHeader';
import { SubjectPageStatus } from './SubjectPageStatus';

export interface SubjectEditorTexts {
  /** "Person", "Organisation": the title while there is no name to show. */
  readonly singular: string;
  readonly missing: string;
  readonly loadFailed: string;
  readonly saveFailed: string;
  readonly confirmBody: string;
}

/** What the header shows for the draft as it is being edited. */
export interface SubjectHeading {
  readonly title: string;
  readonly subtitle?: string;
  readonly confirmTitle: string;
}

/** The props a subject form takes from its page. */
export interface SubjectFormProps<D> {
  readonly initial: D;
  readonly errors: FieldErrors;
  readonly onErrorsChange: (errors: FieldErrors) => void;
  /** Saves; then goes to `to` (an address the user was leaving for) or back to the list. */
  readonly onSubmit: (draft: D, to?: string) => void;
  /** The page header, rendered inside the form so its Save button submits it. */
  readonly header: (draft: D) => ReactNode;
  /** Fields the user may not change now (restriction of processing, Art. 18). */
  readonly locked?: (field: string) => boolean;
}

interface Props<D> {
  readonly record: SubjectRecordOf<D>;
  readonly back: Route;
  readonly texts: SubjectEditorTexts;
  readonly heading: (draft: D) => SubjectHeading;
  readonly children: (form: SubjectFormProps<D>) => ReactNode;
  /** Set while processing is restricted (Art. 18): the fields that stay read-only; Delete is disabled. */
  readonly locked?: (field: string) => boolean;
}

export function SubjectEditor<D>({ record, back, texts, heading, children, locked }: Props<D>) {
  const backButton = <SubjectBackButton href={formatRoute(back)} />;

  if (record.loaded.status !== 'ready') {
    return (
      <SubjectPageStatus
        title={texts.singular}
        back={backButton}
        missing={record.loaded.status === 'missing'}
        failed={record.failed}
        missingText={texts.missing}
        failedText={texts.loadFailed}
      />
    );
  }

  const header = (draft: D) => {
    const { title, subtitle, confirmTitle } = heading(draft);
    return (
      <SubjectPageHeader
        record={record}
        title={title}
        subtitle={subtitle}
        back={backButton}
        cancelHref={formatRoute(back)}
        saveFailedText={texts.saveFailed}
        confirmTitle={confirmTitle}
        confirmBody={texts.confirmBody}
        deletable={!locked}
      />
    );
  };

  return children({
    initial: record.loaded.draft,
    errors: record.errors,
    onErrorsChange: record.setErrors,
    onSubmit: (draft, to) => void record.save(draft, to),
    header,
    ...(locked ? { locked } : {}),
  });
}
