using CityEServices.Archive.Domain;

namespace CityEServices.Archive.Tests;

/// <summary>A fixity run is recorded, started once, advanced batch by batch (never the same batch twice), and completed once.</summary>
public class FixityRunTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_goes_from_pending_through_its_batches_to_completed_keeping_its_progress()
    {
        var run = FixityCheck.Request(FixityTrigger.Manual, "05000000001", "user:archivist", Now);
        Assert.Equal(FixityRunStatus.Pending, run.Status);
        Assert.Null(run.StartedAt);

        run.Start(Now.AddSeconds(1), documentsTotal: 3);
        run.RecordBatch(new string('1', 64), 2, []);
        run.RecordBatch(new string('9', 64), 1, [new FixityFinding { CheckId = run.Id, DocumentId = Guid.NewGuid(), ExpectedSha256 = new string('9', 64), Problem = FixityProblem.Missing }]);
        run.Complete(Now.AddSeconds(2));

        Assert.Equal(FixityRunStatus.Completed, run.Status);
        Assert.Equal(3, run.DocumentsChecked);
        Assert.Equal(3, run.DocumentsTotal);
        Assert.Equal(new string('9', 64), run.CheckedThrough);
        Assert.Single(run.Findings);
        Assert.Equal(Now.AddSeconds(2), run.FinishedAt);
    }

    [Fact]
    public void The_same_batch_is_never_recorded_twice()
    {
        var run = FixityCheck.Request(FixityTrigger.Scheduled, null, "system:archive", Now);
        run.Start(Now, 4);
        run.RecordBatch(new string('a', 64), 2, []);

        Assert.Throws<InvalidOperationException>(() => run.RecordBatch(new string('a', 64), 2, []));
        Assert.Equal(2, run.DocumentsChecked);
    }

    [Fact]
    public void A_run_starts_once_and_completes_once()
    {
        var run = FixityCheck.Request(FixityTrigger.Manual, null, "user:archivist", Now);

        Assert.Throws<InvalidOperationException>(() => run.RecordBatch(new string('a', 64), 1, []));
        Assert.Throws<InvalidOperationException>(() => run.Complete(Now));
        run.Start(Now, 0);
        Assert.Throws<InvalidOperationException>(() => run.Start(Now, 0));
        run.Complete(Now);
        Assert.Throws<InvalidOperationException>(() => run.Complete(Now));
    }
}
