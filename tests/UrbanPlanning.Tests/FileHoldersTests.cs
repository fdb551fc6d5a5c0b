using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Infrastructure;

namespace CityEServices.UrbanPlanning.Tests;

public class FileHoldersTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 6, 0, 0, TimeSpan.Zero);

    private static UrbanPlanningFile NewFile() => UrbanPlanningFile.Open(
        new FileNumber(22, 1840320), "23456789ABCDE", RenovationCode.Parse("22-3-15-7-0-0-0"), 22, "OFC22", "0076229645", "user:op", "Operator", At);

    [Fact]
    public void The_applicant_holds_a_new_file_and_a_transfer_makes_the_owners_its_holders()
    {
        var file = NewFile();
        Assert.True(file.IsHolder("0076229645"));

        var change = file.ChangeHolders(["1017066418", "0499370899", "1017066418"], "system:urbanplanning", At.AddDays(1));

        Assert.NotNull(change);
        Assert.Equal((FileChangeKind.OwnersChanged, 2), (change.Kind, change.HolderCount));
        Assert.False(file.IsHolder("0076229645"));
        Assert.True(file.IsHolder("0499370899"));
        Assert.Equal("0076229645", file.ApplicantNationalId);
        // The same owners again (a redelivered event, in any order) change nothing.
        Assert.Null(file.ChangeHolders(["0499370899", "1017066418"], "system:urbanplanning", At.AddDays(2)));
    }

    [Fact]
    public void Another_office_takes_the_file_up_once_and_the_district_stays_the_propertys()
    {
        var file = NewFile();

        var change = file.HandOver("OFC5", "user:op5", At);

        Assert.NotNull(change);
        Assert.Equal((FileChangeKind.HandedOver, "OFC22", "OFC5"), (change.Kind, change.FromOfficeCode, change.ToOfficeCode));
        Assert.Equal(("OFC5", 22), (file.OfficeCode, file.District));
        Assert.Null(file.HandOver("ofc5", "user:op5", At));
    }

    [Fact]
    public void Tracking_lets_any_holder_in_and_no_one_else()
    {
        var snapshot = new TrackingSnapshot("22001840320", 22, At,
            [TrackingSnapshot.HashHolder("ABC", "1017066418"), TrackingSnapshot.HashHolder("ABC", "0499370899")], []);

        Assert.True(snapshot.IsHolder("ABC", "1017066418"));
        Assert.True(snapshot.IsHolder("ABC", "0499370899"));
        Assert.False(snapshot.IsHolder("ABC", "0076229645"));
        // The hash is keyed by the tracking code: the same person's hash for another file does not open this one.
        Assert.False(snapshot.IsHolder("XYZ", "1017066418"));
    }
}
