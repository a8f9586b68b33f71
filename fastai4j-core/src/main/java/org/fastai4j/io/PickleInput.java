package org.fastai4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The bytes of a pickle being interpreted, with bounds-checked readers of opcode arguments. */
final class PickleInput {

    private final Path file;
    private final ByteBuffer in;

    PickleInput(Path file, byte[] pickle) {
        this.file = file;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
    }

    InvalidWeightsFileException bad(String why) {
        return new InvalidWeightsFileException(file, why + " (pickle byte " + in.position() + ")");
    }

    boolean hasRemaining() {
        return in.hasRemaining();
    }

    byte peekFirst() {
        return in.get(0);
    }

    byte get() {
        return in.get();
    }

    short getShort() {
        return in.getShort();
    }

    int getInt() {
        return in.getInt();
    }

    long getLong() {
        return in.getLong();
    }

    double bigDouble() {
        in.order(ByteOrder.BIG_ENDIAN);
        double d = in.getDouble();
        in.order(ByteOrder.LITTLE_ENDIAN);
        return d;
    }

    int length(long declared) throws InvalidWeightsFileException {
        if (declared < 0 || declared > in.remaining()) {
            throw bad("declared length " + Long.toUnsignedString(declared) + " exceeds the " + in.remaining()
                    + " bytes left in the pickle");
        }
        return (int) declared;
    }

    Object readLong(int n) throws InvalidWeightsFileException {
        length(n);
        if (n > 8) {
            throw bad("integer of " + n + " bytes is too large");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (in.get() & 0xffL) << (8 * i);
        }
        if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) {
            v -= 1L << (8 * n);
        }
        return v;
    }

    String utf8(int n) throws InvalidWeightsFileException {
        length(n);
        ByteBuffer slice = in.slice();
        slice.limit(n);
        in.position(in.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw bad("string is not valid UTF-8");
        }
    }

    String line() throws InvalidWeightsFileException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!in.hasRemaining() || sb.length() > 256) {
                throw bad("unterminated GLOBAL name");
            }
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                return sb.toString();
            }
            sb.append(c);
        }
    }
}
