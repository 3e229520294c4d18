namespace FairShare.Domain.Tests;

public class ResultTests
{
    [Fact]
    public void AFailedResult_HasNoValue_AndSaysWhy()
    {
        var failed = Result<int>.Failure("period", "is closed");

        Assert.False(failed.IsSuccess);
        Assert.Equal("No value: period: is closed", Assert.Throws<InvalidOperationException>(() => failed.Value).Message);
        Assert.Equal(42, Result<int>.Success(42).Value);
    }
}
