# Every dropna variant the course lists: axis, how, thresh, subset, inplace.
import io
import pandas as pd

csv = 'a,b,c,d\n1,,3,\n,,,\n4,5,6,\n7,,9,\n'
df = pd.read_csv(io.StringIO(csv))
df
# %%
df.dropna()
# %%
df.dropna(how='all')
# %%
df.dropna(axis=1)
# %%
df.dropna(axis=1, how='all')
# %%
df.dropna(axis='columns', how='all')
# %%
df.dropna(thresh=2)
# %%
df.dropna(axis=1, thresh=2)
# %%
df.dropna(subset=['a'])
# %%
df.dropna(subset=['a', 'c'], how='all')
# %%
df.dropna(axis=1, subset=[0, 2])
# %%
df.dropna(subset=['zz'])
# %%
df.dropna(how='some')
# %%
copy = df.copy()
result = copy.dropna(how='all', inplace=True)
print(result)
copy
# %%
df.dropna(how='all').index
# %%
df.dropna(axis=1, how='all').columns
# %%
full = pd.read_csv(io.StringIO('x,y\n1,2\n3,4\n'))
full.dropna().index
# %%
data = pd.read_csv(io.StringIO('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'))
data.dropna(axis=1)
# %%
data.dropna(subset=['NumRooms'])
# %%
data['Alley'].dropna()
