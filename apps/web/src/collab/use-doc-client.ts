import { DocClient, type CollabRefusal, type CollabSocket } from '@rubricon/collab';
import { useEffect, useState } from 'react';
import type { RoomSocket } from './room-connection';

export interface CollabUser {
  name: string;
  colour: string;
}

/**
 * The shared document of one question over the room's socket, for as long as that question is on
 * screen: synced on every (re)connect by DocClient, our name and colour in its awareness (the server
 * stamps the real ones over them anyway). `synced` turns true after the first exchange: the editor
 * waits for it, so nothing typed races the document's first contents.
 */
export function useDocClient(
  socket: RoomSocket | null,
  questionId: string | null,
  user: CollabUser | null,
): { client: DocClient | null; synced: boolean; refusal: CollabRefusal | null } {
  const [client, setClient] = useState<DocClient | null>(null);
  const [synced, setSynced] = useState(false);
  const [refusal, setRefusal] = useState<CollabRefusal | null>(null);
  const name = user?.name;
  const colour = user?.colour;

  useEffect(() => {
    if (!socket || !questionId) return;
    let live = true;
    setSynced(false);
    setRefusal(null);
    // An answer to the last question's document may still arrive after it closed: ignored.
    const doc = new DocClient(socket as unknown as CollabSocket, questionId, {
      onSynced: () => live && setSynced(true),
      onRefused: (r) => live && setRefusal(r),
    });
    setClient(doc);
    return () => {
      live = false;
      setClient(null);
      doc.destroy();
    };
  }, [socket, questionId]);

  useEffect(() => {
    if (client && name !== undefined) client.awareness.setLocalStateField('user', { name, colour });
  }, [client, name, colour]);

  return { client, synced, refusal };
}
