using IctPlanAssistant.Text;

namespace IctPlanAssistant.Core.Tests.Text;

public sealed class EnglishNumberWordsTests
{
    [Theory]
    [InlineData("one", 1)]
    [InlineData("Three", 3)]
    [InlineData("twenty", 20)]
    public void ANumberWord_IsItsValue_WhateverItsCase(string word, int value)
    {
        Assert.Equal(value, EnglishNumberWords.ValueOf(word));
    }
}
