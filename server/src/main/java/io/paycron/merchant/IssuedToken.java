package io.paycron.merchant;

/** The getToken answer: exactly these three keys, times in UNIX seconds. */
record IssuedToken(String accessToken, long now, long expiredAt) {}
