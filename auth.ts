import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';

import { authLogger } from '@/lib/auth/auth-log';
import { checkedToken, endSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-token';
import { authorizeCode, authorizePassword } from '@/lib/auth/sign-in';
import { routes } from '@/lib/routes';
import { appSecret } from '@/lib/secret';

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
    signedInAt?: number;
  }
}

// A function, so the secret is read when a request needs it, never while the site is being built.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: routes.editor.login() },
  logger: authLogger,
  providers: [
    Credentials({ credentials: { email: {}, password: {} }, authorize: authorizePassword }),
    Credentials({ id: 'email-code', name: 'Emailed code', credentials: { code: {}, link: {} }, authorize: authorizeCode }),
  ],
  callbacks: {
    jwt: ({ token, user }) => checkedToken(token, user as { id?: string; sessionVersion?: number } | undefined),
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === 'number' ? token.sv : -1;
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      if (typeof token.signedInAt === 'number') session.signedInAt = token.signedInAt;
      return session;
    },
  },
  events: {
    // The one place sign-out revokes: next-auth's own sign-out route and logoutAction both end here.
    signOut: (message) => endSession('token' in message ? message.token : null),
  },
}));
