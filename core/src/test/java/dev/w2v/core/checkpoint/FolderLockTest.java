package dev.w2v.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.core.W2vException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {

  @TempDir Path dir;

  @Test
  void aSecondRunIntoAFolderInUseIsRefusedNamingTheFirstsProcess() throws Exception {
    List<String> warnings = new ArrayList<>();
    try (FolderLock lock = FolderLock.acquire(dir.resolve("out"), "w2v train", warnings::add)) {
      W2vException e =
          assertThrows(
              W2vException.class,
              () -> FolderLock.acquire(dir.resolve("out"), "w2v train", warnings::add));
      assertTrue(
          e.getMessage().contains("in use by process " + ProcessHandle.current().pid()),
          e.getMessage());
      assertTrue(e.getMessage().contains("--out"), e.getMessage());
      assertTrue(Files.readString(lock.file()).contains("run=w2v train"));
    }
    // Released: the folder can be locked again, without a warning.
    try (FolderLock again = FolderLock.acquire(dir.resolve("out"), "w2v train", warnings::add)) {
      assertEquals(List.of(), warnings);
    }
  }

  @Test
  void aLockFileLeftByAKilledRunIsTakenOverWithAWarning() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    // What a run killed by SIGKILL leaves: the file with its content, and no lock held.
    Files.writeString(out.resolve(FolderLock.FILE), "pid=999999\nstarted=then\nrun=w2v train\n");
    List<String> warnings = new ArrayList<>();
    try (FolderLock lock = FolderLock.acquire(out, "w2v train", warnings::add)) {
      assertEquals(1, warnings.size());
      assertTrue(warnings.get(0).contains("process 999999"), warnings.get(0));
      assertTrue(warnings.get(0).contains("killed or crashed"), warnings.get(0));
      assertTrue(Files.readString(lock.file()).contains("pid=" + ProcessHandle.current().pid()));
    }
  }
}
