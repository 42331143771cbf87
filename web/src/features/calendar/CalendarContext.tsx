import { createContext, useContext, useRef, useState, type DragEvent, type MutableRefObject } from 'react';
import type { TFunction } from 'i18next';
import type { CalendarPost, ChannelItem } from './api';
import type { CivilDate } from './time';

/**
 * What every day cell and chip needs but should not receive as props (so memoised cells re-render only when their
 * own entries change): channels, permissions, the move and drag handlers. The value must stay stable.
 */

/** What is being dragged: a post and the time of day of the moment being moved (null: it has no time yet). */
export interface DragItem {
  post: CalendarPost;
  hour: number | null;
  minute: number;
}

/** What the move dialog opens for: an entry on the calendar, or a post that has no time yet. */
export interface MoveRequest {
  post: CalendarPost;
  date: CivilDate | null;
  hour: number;
  minute: number;
}

export interface CalendarContextValue {
  /** The page's translate function: chips and cells use it instead of a hook of their own each (300 chips). */
  t: TFunction;
  workspaceId: string;
  timeZone: string;
  channels: Map<string, ChannelItem>;
  canMove: boolean;
  drag: MutableRefObject<DragItem | null>;
  drop: (item: DragItem, date: CivilDate, hour: number | null) => void;
  requestMove: (request: MoveRequest) => void;
  showDay: (date: CivilDate) => void;
}

export const CalendarContext = createContext<CalendarContextValue | null>(null);

/** The calendar's shared handlers; only inside CalendarPage. */
export function useCalendar(): CalendarContextValue {
  const value = useContext(CalendarContext);
  if (!value) throw new Error('useCalendar outside CalendarPage');
  return value;
}

/** Drag handlers for a post chip or list item; none when it may not move. */
export function useDragSource(item: DragItem, enabled: boolean) {
  const { drag } = useCalendar();
  if (!enabled) return {};
  return {
    draggable: true,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      drag.current = item;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', item.post.title);
    },
    onDragEnd: () => {
      drag.current = null;
    },
  };
}

/** Makes a day cell (hour null) or an hour slot a place to drop a dragged post; `over` is true while one hovers. */
export function useDropTarget(date: CivilDate, hour: number | null) {
  const { drag, drop, canMove } = useCalendar();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  if (!canMove) return { over: false, handlers: {} };
  return {
    over,
    handlers: {
      onDragEnter: (e: DragEvent<HTMLElement>) => {
        if (!drag.current) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      },
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!drag.current) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (e: DragEvent<HTMLElement>) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const item = drag.current;
        drag.current = null;
        if (item) drop(item, date, hour);
      },
    },
  };
}
