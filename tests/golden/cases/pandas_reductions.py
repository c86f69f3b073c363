# Reductions with axis and pandas 1.5's numeric_only default (FutureWarning when text columns are dropped).
import io
import pandas as pd

data = pd.read_csv(io.StringIO('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'))
data.mean()
# %%
data.sum()
# %%
data.sum(axis=1)
# %%
data.mean(numeric_only=True)
# %%
data.median()
# %%
data.std()
# %%
data.min()
# %%
data.max()
# %%
data.count()
# %%
data.count(axis=1)
# %%
data.isnull().sum()
# %%
data.isna().sum(axis=1).idxmax()
# %%
data.notna()
# %%
data['Price'].sum(), data['Price'].mean(), data['NumRooms'].sum(), data['NumRooms'].mean()
# %%
data['NumRooms'].median(), data['NumRooms'].std(), data['Price'].min(), data['Price'].max()
# %%
data['Alley'].count(), data['NumRooms'].count()
# %%
data['Price'].idxmax(), data['Price'].idxmin(), data['NumRooms'].idxmax()
# %%
data['Alley'].mean()
# %%
words = pd.DataFrame({'w': ['x', 'y', 'z'], 'n': [1, 2, 3], 'b': [True, False, True], 'f': [1.5, None, 2.25]})
words.sum()
# %%
words.min()
# %%
words.mean()
# %%
words.mean(axis=1)
# %%
words.idxmax(numeric_only=True) if False else words[['n', 'f']].idxmax()
# %%
pd.Series([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1]).sum()
# %%
pd.Series([0.1] * 200).sum()
# %%
pd.Series([1.0, None, 2.0]).mean(), pd.Series([None, None], dtype=float).sum()
