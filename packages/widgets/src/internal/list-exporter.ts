import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { describeFailure } from './form';
import { exportButtons, exportWithProgress, type ExportFormat, type ExportProgress, type ListExport } from './list-export';
import type { SessionController } from './session-controller';
import type { Translation } from '../translations/zh-CN';
import { LIST_EXPORT_WORDS } from './list-export.words';
import type { LocaleCode } from './locale';

/**
 * A list's two export buttons (CSV, Excel) and their download through the API's /export, for an
 * admin widget: `request` says what the list is as the widget shows it (its query, filter and
 * columns in the reader's language); progress and the outcome go to `announce`.
 */
export class ListExporter implements ReactiveController {
  private progress?: ExportProgress;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly t: Translation },
    private readonly sessions: SessionController,
    private readonly request: (format: ExportFormat) => ListExport,
    private readonly announce: (text: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  buttons(): TemplateResult {
    return exportButtons(this.words, this.progress, (format) => void this.start(format));
  }

  private get words() {
    return LIST_EXPORT_WORDS[this.host.t.$code as LocaleCode] ?? LIST_EXPORT_WORDS['zh-CN'];
  }

  private async start(format: ExportFormat) {
    if (this.progress) return;
    await exportWithProgress(
      this.sessions,
      this.request(format),
      this.words,
      (error) => describeFailure(error, this.host.t),
      (progress, announcement) => {
        this.progress = progress;
        this.host.requestUpdate();
        if (announcement) this.announce(announcement);
      },
    );
  }
}
