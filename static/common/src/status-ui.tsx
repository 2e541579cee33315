/**
 * Atlassian's lozenge and section message, drawn with the design tokens alone: the Atlaskit packages weigh
 * 60–80 kB gzipped each in these bundles for what is a styled span and a coloured box.
 */
import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'success' | 'removed';

const LOZENGE_TOKEN: Record<LozengeAppearance, string> = {
  default: 'neutral',
  inprogress: 'information',
  moved: 'warning',
  success: 'success',
  removed: 'danger',
};

/** A status lozenge (subtle, or bold for a verdict). */
export function Lozenge({
  appearance = 'default',
  isBold = false,
  children,
}: {
  appearance?: LozengeAppearance;
  isBold?: boolean;
  children: ReactNode;
}) {
  const token = LOZENGE_TOKEN[appearance];
  const style = isBold
    ? {
        background: `var(--ds-background-${token}-bold)`,
        color: appearance === 'moved' ? 'var(--ds-text-warning-inverse)' : 'var(--ds-text-inverse)',
      }
    : {
        background: `var(--ds-background-${token})`,
        color: `var(--ds-text-${token === 'neutral' ? 'subtle' : token})`,
      };
  return (
    <span className="sr-lozenge" style={style}>
      {children}
    </span>
  );
}

export type MessageAppearance = 'information' | 'warning' | 'error' | 'success';

const ICON_PATH: Record<MessageAppearance, string> = {
  information: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  warning: 'M12 2 1 21h22L12 2Zm1 16h-2v-2h2v2Zm0-4h-2V9h2v5Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z',
};
const MESSAGE_TOKEN: Record<MessageAppearance, string> = {
  information: 'information',
  warning: 'warning',
  error: 'danger',
  success: 'success',
};

/**
 * A section message: an icon, an optional title (a heading of `headingLevel`, 3 unless the frame's outline asks
 * another), the content and optional actions, on the appearance's colour.
 */
export function Message({
  appearance = 'information',
  title,
  headingLevel = 3,
  titleId,
  actions,
  testId,
  children,
}: {
  appearance?: MessageAppearance;
  title?: string;
  headingLevel?: 2 | 3;
  /** The title's id, for a section that the message names (`aria-labelledby`). */
  titleId?: string;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const token = MESSAGE_TOKEN[appearance];
  return (
    <section
      className="sr-message"
      style={{ background: `var(--ds-background-${token})` }}
      data-testid={testId}
      role={appearance === 'error' ? 'alert' : undefined}
    >
      <svg
        viewBox="0 0 24 24"
        width="20"
        height="20"
        aria-hidden="true"
        style={{ flex: 'none', fill: `var(--ds-icon-${token})` }}
      >
        <path d={ICON_PATH[appearance]} />
      </svg>
      <div className="sr-message-body">
        {title ? (
          headingLevel === 2 ? (
            <h2 id={titleId} className="sr-message-title">
              {title}
            </h2>
          ) : (
            <h3 id={titleId} className="sr-message-title">
              {title}
            </h3>
          )
        ) : null}
        {children}
        {actions ? <div className="sr-row sr-message-actions">{actions}</div> : null}
      </div>
    </section>
  );
}
