using CityEServices.Contracts.Codes;
using CityEServices.Iran;
using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Tests;

public class CertificationTests
{
    private const string ServiceType = ServiceTypes.ExcavationPermit;
    private static readonly NationalId Person = NationalId.Parse("0076229645");
    private static readonly DateTimeOffset Day0 = new(2025, 1, 1, 6, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Validity = TimeSpan.FromDays(730);

    private static QualificationAttempt Exam(decimal score, int day, decimal passMark = 70m, string serviceType = ServiceType) =>
        QualificationAttempt.Exam(Person, serviceType, score, passMark, Day0.AddDays(day), "examiner");

    private static QualificationAttempt Interview(bool passed, int day) =>
        QualificationAttempt.Assessed(Person, ServiceType, QualificationKind.Interview, passed, null, Day0.AddDays(day), "panel");

    private static QualificationAttempt Training(bool passed, int day) =>
        QualificationAttempt.Assessed(Person, ServiceType, QualificationKind.Training, passed, null, Day0.AddDays(day), "trainer");

    [Fact]
    public void A_failed_exam_retaken_and_passed_certifies_from_the_retake()
    {
        var failed = Exam(55m, day: 1);
        List<QualificationAttempt> attempts = [failed, Interview(true, 2), Training(true, 3)];

        var before = Certification.Derive(ServiceType, attempts, Validity);
        Assert.False(before.IsCertified);
        Assert.False(before.Exam!.Passed);
        Assert.Null(before.CompletedBy);

        var retake = Exam(78m, day: 10);
        var after = Certification.Derive(ServiceType, [.. attempts, retake], Validity);

        Assert.True(after.IsCertified);
        Assert.Equal(Day0.AddDays(10), after.CertifiedAt);
        Assert.Equal(Day0.AddDays(10) + Validity, after.ExpiresAt);
        Assert.Same(retake, after.CompletedBy);
        Assert.Equal(78m, after.Exam!.Score);
    }

    [Fact]
    public void Only_the_latest_exam_counts_so_a_later_failure_withdraws_certification()
    {
        var status = Certification.Derive(ServiceType, [Exam(90m, 1), Interview(true, 2), Training(true, 3), Exam(40m, 20)], Validity);

        Assert.False(status.IsCertified);
        Assert.Null(status.ExpiresAt);
    }

    [Fact]
    public void Certified_when_the_last_of_the_three_passed()
    {
        var training = Training(true, 2);
        var status = Certification.Derive(ServiceType, [Interview(true, 9), training, Exam(70m, 5)], Validity);

        Assert.Equal(Day0.AddDays(9), status.CertifiedAt);
        Assert.Equal(QualificationKind.Interview, status.CompletedBy!.Kind);
    }

    [Fact]
    public void An_incomplete_set_is_not_certified()
    {
        Assert.False(Certification.Derive(ServiceType, [Exam(95m, 1), Interview(true, 2)], Validity).IsCertified);
        Assert.False(Certification.Derive(ServiceType, [Exam(95m, 1), Interview(true, 2), Training(false, 3)], Validity).IsCertified);
        Assert.False(Certification.Derive(ServiceType, [], Validity).IsCertified);
    }

    [Fact]
    public void Attempts_for_another_service_type_do_not_count()
    {
        var status = Certification.Derive(ServiceType, [Exam(95m, 1, serviceType: ServiceTypes.BuildingPermit), Interview(true, 2), Training(true, 3)], Validity);

        Assert.False(status.IsCertified);
        Assert.Null(status.Exam);
    }

    [Fact]
    public void Order_of_input_does_not_matter_but_ties_keep_recording_order()
    {
        var shuffled = Certification.Derive(ServiceType, [Training(true, 3), Exam(30m, 1), Interview(true, 2), Exam(80m, 4)], Validity);
        Assert.True(shuffled.IsCertified);

        // Two exams recorded in the same instant: the one recorded second is the latest.
        var tie = Certification.Derive(ServiceType, [Interview(true, 2), Training(true, 3), Exam(80m, 4), Exam(20m, 4)], Validity);
        Assert.False(tie.IsCertified);
    }

    [Theory]
    [InlineData(69.99, 70, false)]
    [InlineData(70, 70, true)]
    [InlineData(70.01, 70, true)]
    [InlineData(0, 70, false)]
    [InlineData(100, 100, true)]
    [InlineData(79.99, 80, false)]
    [InlineData(80, 80, true)]
    [InlineData(0, 0, true)]
    public void An_exam_passes_at_or_above_the_pass_mark(double score, double passMark, bool passes)
    {
        var exam = Exam((decimal)score, 1, (decimal)passMark);

        Assert.Equal(passes, exam.Passed);
        Assert.Equal((decimal)passMark, exam.PassMark);
        Assert.Equal(passes, Certification.Derive(ServiceType, [exam, Interview(true, 2), Training(true, 3)], Validity).IsCertified);
    }

    [Fact]
    public void Expiry_is_validity_after_certification()
    {
        var status = Certification.Derive(ServiceType, [Exam(70m, 1), Interview(true, 2), Training(true, 3)], TimeSpan.FromDays(10));

        Assert.True(status.IsValidAt(Day0.AddDays(13).AddTicks(-1)));
        Assert.True(status.IsExpiredAt(Day0.AddDays(13)));
        Assert.False(status.IsValidAt(Day0.AddDays(13)));
    }

    [Fact]
    public void An_exam_cannot_be_recorded_as_an_assessed_step()
    {
        Assert.Throws<ArgumentException>(() =>
            QualificationAttempt.Assessed(Person, ServiceType, QualificationKind.Exam, true, 90m, Day0, "x"));
    }
}
