package org.dl4jworkbench.core.compile;

import java.util.List;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.analysis.Problem;

/** Thrown when asked to compile a spec whose analysis found errors; callers should check first. */
public class InvalidNetworkException extends IllegalArgumentException {

    private final transient List<Problem> problems;

    public InvalidNetworkException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
