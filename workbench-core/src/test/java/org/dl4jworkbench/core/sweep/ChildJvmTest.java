package org.dl4jworkbench.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    private static final long GB = 1L << 30;

    @Test
    void parallelTrialsShareTheCoresAndFitInMemory() {
        assertThat(ChildJvm.parallelTrials(2, 1, 16 * GB)).isEqualTo(2);
        assertThat(ChildJvm.parallelTrials(2, 2, 16 * GB)).isEqualTo(1);
        assertThat(ChildJvm.parallelTrials(16, 2, 64 * GB)).isEqualTo(8);
        assertThat(ChildJvm.parallelTrials(16, 1, 4 * GB)).isEqualTo(2); // memory, not cores, decides
        assertThat(ChildJvm.parallelTrials(1, 4, GB)).isEqualTo(1);
    }

    @Test
    void aTrialRunsTrainThroughTrialMainWithThisJvmsClassPathAndNoAgents() {
        List<String> command = new ChildJvm("org.example.Main", 1).command(List.of("--epochs", "2"));
        assertThat(command.get(0)).endsWith("java");
        int cp = command.indexOf("-cp");
        assertThat(command.get(cp + 1)).contains(System.getProperty("java.class.path"));
        assertThat(command.subList(cp + 2, command.size())).containsExactly(TrialMain.class.getName(),
                String.valueOf(ProcessHandle.current().pid()), "org.example.Main", "train", "--epochs", "2");
        assertThat(command).noneMatch(o -> o.startsWith("-javaagent") || o.startsWith("-agentlib"));
    }
}
