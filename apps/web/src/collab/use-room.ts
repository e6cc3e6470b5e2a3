import { useEffect, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import { RoomConnection, type RoomAuth, type RoomSocket, type RoomView } from './room-connection';

const EMPTY: RoomView = {
  connected: false,
  state: null,
  clock: null,
  questions: null,
  runs: {},
  note: null,
  refusal: null,
  ended: null,
};
const noop = () => () => {};

/**
 * Joins the interview room (socket.io /interviews) for as long as the component is mounted, or
 * until `auth` or `attempt` changes (raise `attempt` to join again, e.g. "continue in this window").
 * `auth` null: not yet known, nothing is opened.
 */
export function useRoom(auth: RoomAuth | null, attempt = 0): { room: RoomConnection | null; view: RoomView } {
  const [room, setRoom] = useState<RoomConnection | null>(null);
  const key = auth ? JSON.stringify(auth) : null;
  useEffect(() => {
    if (!key) return;
    const socket: RoomSocket = io('/interviews', { path: '/socket.io', auth: JSON.parse(key) as RoomAuth });
    const connection = new RoomConnection(socket);
    setRoom(connection);
    return () => {
      connection.close();
      setRoom(null);
    };
  }, [key, attempt]);
  const view = useSyncExternalStore(room?.subscribe ?? noop, room?.view ?? (() => EMPTY));
  return { room, view };
}
