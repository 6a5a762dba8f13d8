import { randomUUID } from 'node:crypto';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { revokeSession } from '@/db/queries/sessions';
import { authorizeCode, authorizePassword } from '@/lib/auth/sign-in';
import { appSecret } from '@/lib/secret';

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

const MAX_AGE_SECONDS = 8 * 3600;

// A function, so the secret is read when a request needs it, never while the site is being built.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  session: { strategy: 'jwt', maxAge: MAX_AGE_SECONDS },
  pages: { signIn: '/editor/login' },
  providers: [
    Credentials({ credentials: { email: {}, password: {} }, authorize: authorizePassword }),
    Credentials({ id: 'email-code', name: 'Emailed code', credentials: { code: {}, link: {} }, authorize: authorizeCode }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // This sign-in's own id (next-auth's jti changes whenever the cookie is re-issued), so signing
        // out ends this session and no other.
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === 'number' ? token.sv : -1;
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (typeof token?.sid !== 'string') return;
      const expires = typeof token.exp === 'number' ? token.exp * 1000 : Date.now() + MAX_AGE_SECONDS * 1000;
      await revokeSession(token.sid, new Date(expires));
    },
  },
}));
