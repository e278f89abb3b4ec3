package grader.probes;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A folder of the user's own in the temporary folder, for what the grader keeps between JVMs (the agent's bootstrap
 * jar, the test JVM's start-up cache): made owner-only where POSIX permissions exist, and refused when it is not a
 * plain folder, belongs to someone else or others may write to it.
 */
public final class PrivateFolder {
    private PrivateFolder() {}

    /** {@return {@code <tmp>/<prefix>-<user>}, made if missing, or empty when it can't be trusted} */
    public static Optional<Path> inTemp(String prefix) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), prefix + "-" + System.getProperty("user.name"));
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException ignored) {
                // made by an earlier JVM
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (posix) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                boolean othersWrite = perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
                if (othersWrite || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                    return Optional.empty();
                }
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
